# InvoiceSandbox — every target installs what it needs first (libevent-dev through apt when missing).
SWIFT ?= swift
ARGS ?=
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build release run test lint format check-warnings clean bench contract
.PHONY: fuzz fuzz-replay sanitize sanitize-address sanitize-thread

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

## Fuzz the request parser, the API, JSON and seed loading with libFuzzer for FUZZ_SECONDS (default 300) seconds,
## from the seed corpus in fuzz/corpus and fuzz/regressions (FUZZ_JOBS=2 runs two processes).
FUZZ_SECONDS ?= 300
fuzz: deps
	SWIFT="$(SWIFT)" FUZZ_SECONDS="$(FUZZ_SECONDS)" bash fuzz/run.sh

## Replay the seed corpus and the regressions (and any files or folders in FILES) without libFuzzer.
fuzz-replay: deps
	$(SWIFT) build --product invoice-fuzz --scratch-path .build-fuzz
	.build-fuzz/debug/invoice-fuzz fuzz/corpus fuzz/regressions $(FILES)

## The whole test suite under AddressSanitizer, then under ThreadSanitizer, each in its own scratch folder.
sanitize: sanitize-address sanitize-thread

## Suppressions: fuzz/sanitizers/*.supp, only for leaks and races shown to be inside toolchain libraries.
sanitize-address: deps
	LSAN_OPTIONS="suppressions=$(CURDIR)/fuzz/sanitizers/lsan.supp $(LSAN_OPTIONS)" \
		$(SWIFT) test --sanitize=address --scratch-path .build-asan --disable-xctest

sanitize-thread: deps
	TSAN_OPTIONS="halt_on_error=1 $(TSAN_OPTIONS)" \
		$(SWIFT) test --sanitize=thread --scratch-path .build-tsan --disable-xctest

clean:
	rm -rf .build .build-contract .build-fuzz .build-asan .build-tsan
