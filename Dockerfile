# InvoiceSandbox: a local emulator of HighLevel's Invoices API.
#   docker build -t invoice-sandbox .
#   docker run --rm -p 8080:8080 invoice-sandbox

ARG SWIFT_VERSION=6.3.1

# ---- build: Swift toolchain + libevent headers ----
FROM swift:${SWIFT_VERSION}-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libevent-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
# The Swift runtime and Foundation are linked in; libevent stays a shared library, because the sandbox
# replaces libevent's HTML error page by defining evhttp_send_error, which only a dynamic link allows.
RUN swift build -c release --product invoice-sandbox --static-swift-stdlib \
    && install -D "$(swift build -c release --show-bin-path)/invoice-sandbox" /out/invoice-sandbox

# ---- runtime: libevent's runtime libraries and libstdc++ only ----
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libevent-2.1-7 libevent-pthreads-2.1-7 libstdc++6 \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 sandbox \
    && useradd --system --no-create-home --uid 10001 --gid sandbox sandbox
COPY --from=build /out/invoice-sandbox /usr/local/bin/invoice-sandbox
COPY seed-data /srv/seed-data

# Inside a container the sandbox must listen on every interface; outside, its default stays loopback.
ENV SANDBOX_HOST=0.0.0.0 \
    SANDBOX_PORT=8080 \
    SANDBOX_SEED_DATA=/srv/seed-data
USER sandbox
EXPOSE 8080
# probe exits 0 only when GET /_sandbox/health answers 200 (the store is loaded); it answers with any control settings.
HEALTHCHECK --interval=5s --timeout=3s --start-period=2s --retries=3 CMD ["invoice-sandbox", "probe"]
ENTRYPOINT ["invoice-sandbox"]
