"""Prometheus text-format metrics kept in process (each gunicorn worker reports its own)."""
import threading
from collections import defaultdict

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class Metrics:
    def __init__(self):
        self._lock = threading.Lock()
        self._requests = defaultdict(int)  # (endpoint, method, status) -> count
        self._buckets = defaultdict(lambda: [0] * len(LATENCY_BUCKETS))  # (endpoint, status)
        self._sums = defaultdict(float)
        self._counts = defaultdict(int)
        self._sentences = 0

    def observe(self, endpoint: str, method: str, status: int, seconds: float, sentences: int = 0) -> None:
        key = (endpoint, str(status))
        with self._lock:
            self._requests[(endpoint, method, str(status))] += 1
            buckets = self._buckets[key]
            for i, bound in enumerate(LATENCY_BUCKETS):
                if seconds <= bound:
                    buckets[i] += 1
            self._sums[key] += seconds
            self._counts[key] += 1
            self._sentences += sentences

    def render(self, model) -> str:
        with self._lock:
            lines = ["# HELP stance_http_requests_total HTTP requests by endpoint, method and status.",
                     "# TYPE stance_http_requests_total counter"]
            for (endpoint, method, status), count in sorted(self._requests.items()):
                lines.append(f'stance_http_requests_total{{endpoint="{endpoint}",method="{method}",'
                             f'status="{status}"}} {count}')
            lines += ["# HELP stance_http_request_duration_seconds Request latency by endpoint and status.",
                      "# TYPE stance_http_request_duration_seconds histogram"]
            for (endpoint, status), buckets in sorted(self._buckets.items()):
                labels = f'endpoint="{endpoint}",status="{status}"'
                for bound, count in zip(LATENCY_BUCKETS, buckets):
                    lines.append(f'stance_http_request_duration_seconds_bucket{{{labels},le="{bound}"}} {count}')
                total = self._counts[(endpoint, status)]
                lines.append(f'stance_http_request_duration_seconds_bucket{{{labels},le="+Inf"}} {total}')
                lines.append(f"stance_http_request_duration_seconds_sum{{{labels}}} {self._sums[(endpoint, status)]:.6f}")
                lines.append(f"stance_http_request_duration_seconds_count{{{labels}}} {total}")
            lines += ["# HELP stance_sentences_scored_total Sentences scored.",
                      "# TYPE stance_sentences_scored_total counter",
                      f"stance_sentences_scored_total {self._sentences}"]
        if model is not None:
            lines += ["# HELP stance_model_info The loaded model.", "# TYPE stance_model_info gauge",
                      f'stance_model_info{{name="{_escape(model.name)}",version="{_escape(model.version)}",'
                      f'sha256="{model.manifest.get("sha256", "")}"}} 1']
        return "\n".join(lines) + "\n"


def _escape(value: str) -> str:
    return str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
