"""gunicorn settings for production (``gunicorn -c python:service.gunicorn_conf service.wsgi:app``).

The app, and so the model, is loaded in the master before workers fork (``preload_app``),
so workers share the model's memory pages. Every value can be set from the environment.
"""
import gc
import json
import os
import time

from gunicorn.glogging import Logger

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("STANCE_WORKERS", os.environ.get("WEB_CONCURRENCY", "2")))
threads = int(os.environ.get("STANCE_THREADS", "4"))
worker_class = "gthread"
preload_app = True
timeout = int(os.environ.get("STANCE_TIMEOUT", "30"))  # a worker silent this long is killed and replaced
graceful_timeout = int(os.environ.get("STANCE_GRACEFUL_TIMEOUT", "20"))  # SIGTERM: finish in-flight requests
keepalive = int(os.environ.get("STANCE_KEEPALIVE", "5"))
max_requests = int(os.environ.get("STANCE_MAX_REQUESTS", "0"))  # 0: never recycle workers
max_requests_jitter = max_requests // 10
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("STANCE_LOG_LEVEL", "info").lower()


class JsonAccessLogger(Logger):
    """gunicorn's logger with the access log written as one JSON object per request."""

    def access(self, resp, req, environ, request_time):
        if not self.cfg.accesslog:
            return
        request_id = next((value for name, value in resp.headers if name.lower() == "x-request-id"), None)
        entry = {"time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "type": "access",
                 "remote": environ.get("REMOTE_ADDR"), "method": environ.get("REQUEST_METHOD"),
                 "path": environ.get("PATH_INFO"), "status": resp.status_code, "bytes": resp.sent,
                 "duration_ms": round(request_time.total_seconds() * 1000, 2), "request_id": request_id,
                 "user_agent": environ.get("HTTP_USER_AGENT")}
        self.access_log.info(json.dumps(entry, ensure_ascii=False))


logger_class = JsonAccessLogger
# gunicorn's runtime control socket is not used here; disabling it keeps the server from
# writing under $HOME (read-only or absent for the container's unprivileged user).
control_socket_disable = True


def pre_fork(server, worker):
    # Move the preloaded app and model out of the garbage collector's reach before forking:
    # collections in the workers then never walk (or write to) the shared model objects,
    # which keeps the pages shared and makes each full collection much cheaper.
    gc.freeze()


def post_fork(server, worker):
    # Threads of a worker share one interpreter lock; switching every 1 ms instead of
    # Python's default 5 ms lets a short scoring request overtake a long one sooner,
    # which cuts tail latency under concurrent load.
    import sys
    sys.setswitchinterval(float(os.environ.get("STANCE_SWITCH_INTERVAL", "0.001")))
