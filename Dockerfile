# gaptrack, for deployment against an existing PostgreSQL (set DATABASE_URL).
#   docker build -t gaptrack .
#   docker run -p 8080:8080 -e DATABASE_URL=postgres://user:password@db-host/gaptrack gaptrack
FROM rust:1-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock build.rs ./
COPY src src
COPY migrations migrations
COPY data data
RUN cargo build --release --locked

FROM debian:bookworm-slim
# pg_dump and pg_restore, for `gaptrack backup` and `gaptrack restore` (PostgreSQL 15's: they
# handle servers up to 15; mount a newer client's folder as GAPTRACK_PG_BINDIR for a newer server).
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --no-create-home gaptrack
COPY --from=build /src/target/release/gaptrack /usr/local/bin/gaptrack
USER gaptrack
ENV BIND_ADDRESS=0.0.0.0:8080 \
    RUST_LOG=info
EXPOSE 8080
# Migrations are embedded and applied at start. Without DATABASE_URL the binary would try to run a
# local PostgreSQL, which this image does not contain.
CMD ["gaptrack", "serve"]
