# syntax=docker/dockerfile:1
# Build stage: install the package and its wheels into a virtual environment.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY stance ./stance
COPY service ./service
COPY training ./training
# The optional "pipcert" secret is a CA bundle for networks that intercept TLS.
RUN --mount=type=secret,id=pipcert,required=false \
    if [ -f /run/secrets/pipcert ]; then export PIP_CERT=/run/secrets/pipcert; fi; \
    python -m venv /opt/venv \
    && /opt/venv/bin/pip install --no-cache-dir --disable-pip-version-check . \
    && find /opt/venv -name '__pycache__' -prune -exec rm -rf {} +

# Runtime stage: no build tools, unprivileged user, the shipped model inside.
FROM python:3.11-slim
# (written directly: minimal bases have no useradd)
RUN echo 'stance:x:10001:10001:stance service:/app:/usr/sbin/nologin' >> /etc/passwd \
    && echo 'stance:x:10001:' >> /etc/group
COPY --from=build /opt/venv /opt/venv
COPY models/default /app/models/default
ENV PATH=/opt/venv/bin:$PATH \
    STANCE_MODEL_DIR=/app/models/default \
    PORT=8000 \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
WORKDIR /app
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('PORT', '8000'), timeout=4)" || exit 1
CMD ["stance-serve"]
