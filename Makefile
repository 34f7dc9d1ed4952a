# InvoiceSandbox — every target installs what it needs first (libevent-dev through apt when missing).
SWIFT ?= swift
ARGS ?=
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release run test lint format check-warnings clean bench contract

deps:
	@if ! pkg-config --exists libevent libevent_pthreads 2>/dev/null; then \
		echo "installing libevent-dev"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libevent-dev pkg-config; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product invoice-sandbox

## Serve the shipped seed data on http://127.0.0.1:8080 (ARGS="--port 9000" to change flags).
run: release
	.build/release/invoice-sandbox --seed-data seed-data $(ARGS)

## Build everything, fail on any warning in this package's code, run every test.
test: deps check-warnings
	$(SWIFT) test

check-warnings: deps
	@$(SWIFT) build --build-tests > .build-warnings.log 2>&1; status=$$?; \
	tail -n 3 .build-warnings.log; \
	if grep -E "^$(CURDIR)/(Sources|Tests)/.*: (warning|error):" .build-warnings.log; then \
		echo "warnings or errors in this package's code (above)"; status=1; fi; \
	rm -f .build-warnings.log; exit $$status

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

## Contract checks: HighLevel's Python SDK end to end, then schemathesis against the official OpenAPI document.
## Needs python3 >= 3.11 with venv and ../shared/spec/; the pinned packages go into .build-contract/venv.
contract: deps
	$(SWIFT) build --product invoice-sandbox
	contract/run.sh "$$($(SWIFT) build --show-bin-path)/invoice-sandbox"

## Benchmark the release build against a libevent ceiling and nginx on 127.0.0.1; writes bench/RESULTS.md.
bench: deps
	SWIFT="$(SWIFT)" bash bench/run.sh

clean:
	rm -rf .build .build-contract
