# syntax=docker/dockerfile:1.6
# check=skip=JSONArgsRecommended
ARG BASE=debian VERSION=12
ARG DIGEST
FROM --platform=$BUILDPLATFORM ${BASE}:${VERSION:-latest}@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef AS Build
ARG VERSION
ENV GOPATH=/go PATH="/go/bin:$PATH" \
    EMPTY= QUOTED='single $NOT' DOUBLE="a \"b\" ${GOPATH:+set} ${MISSING:-default} ${X:?err}"
LABEL org.opencontainers.image.title="demo" multi.line="a\
b"
RUN --mount=type=cache,target=/root/.cache \
    --network=none \
    go build -o /out/app ./... \
 && strip /out/app
# a comment inside
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1
ONBUILD RUN echo triggered
STOPSIGNAL SIGTERM
VOLUME ["/data", "/logs"]

FROM build AS test
RUN ["/out/app", "--selftest"]

FROM scratch
COPY --from=build --chmod=0755 /out/app /app
COPY --link --from=0 /etc/ssl/certs /etc/ssl/certs
USER 65534:65534
ENTRYPOINT ["/app"]
