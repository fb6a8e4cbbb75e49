"""``python -m service`` / ``stance-serve``: start the production server (gunicorn) on $PORT.

``--dev`` starts Flask's development server instead (never for production).
"""
import argparse
import os
import sys


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="stance-serve", description="Serve the stance model over HTTP.")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: $STANCE_WORKERS or 2)")
    parser.add_argument("--model-dir", help="model directory (default: $STANCE_MODEL_DIR or models/default)")
    parser.add_argument("--dev", action="store_true", help="Flask development server, single process")
    args = parser.parse_args(argv)
    os.environ["PORT"] = str(args.port)
    if args.workers:
        os.environ["STANCE_WORKERS"] = str(args.workers)
    if args.model_dir:
        os.environ["STANCE_MODEL_DIR"] = args.model_dir
    if args.dev:
        from service.wsgi import app
        app.run(host="127.0.0.1", port=args.port)
        return 0
    command = [sys.executable, "-m", "gunicorn", "--config", "python:service.gunicorn_conf", "service.wsgi:app"]
    os.execv(sys.executable, command)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
