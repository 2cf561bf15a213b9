# bjlg: the two commands are `make run` and `make check` (see README.md).
#   make run    install what is missing, build, run the main job on the embedded example
#   make check  install what is missing, build, run every test (Catch2, phpt, phpt under
#               valgrind, the cron differential test, fuzz targets for a bounded time)
#   make build  build only; make bench runs the benchmarks
SHELL := /bin/bash
PHP := php -d extension=$(CURDIR)/modules/bjlg.so
FUZZ_SECONDS ?= 30

.PHONY: all deps build core ext run check test-core test-php test-valgrind test-stubs test-diff test-crypto-interop test-archive-big test-verify-integration fuzz bench stubs clean

all: build

deps:
	@bash scripts/install-deps.sh

build: deps core ext

core:
	@cmake -S . -B build/core -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build build/core -j$$(nproc) >/dev/null
	@echo "built build/core (core library and Catch2 tests)"

ext:
	@bash scripts/build-ext.sh

run: build
	$(PHP) bin/bjlg cron check --config docs/examples/schedules.json
	@mkdir -p -m 0700 build/run
	@$(PHP) -r '$$w = new Bjlg\Archive\Writer("build/run/example.zip"); $$w->addDirectory("docs", "wp-content/uploads/docs"); $$w->close();'
	$(PHP) bin/bjlg verify build/run/example.zip --report build/run/verify.json --html build/run/verify.html

check: build
	@$(MAKE) --no-print-directory test-stubs test-core test-php test-valgrind test-diff test-crypto-interop test-verify-integration fuzz
	@echo "make check: all suites passed"

test-core:
	@bash scripts/run-core-tests.sh

# The sparse 4.3 GiB Zip64 archive test (about 45 s on 2 cores), kept out of make check.
test-archive-big: build
	@BJLG_ARCHIVE_BIG=1 bash scripts/run-core-tests.sh "[big]"

# A real restore test: a throwaway MariaDB started on a private socket imports a dump of a few
# thousand rows (the Catch2 cases tagged [mariadb]).
test-verify-integration:
	@bash scripts/run-core-tests.sh "[mariadb]"

test-php:
	@bash scripts/run-phpt.sh

test-valgrind:
	@bash scripts/run-phpt.sh --valgrind

test-stubs:
	@bash scripts/check-stubs.sh

test-diff:
	@bash scripts/run-diff.sh

# Files written by bjlg decrypted by an independent Python implementation (python3-cryptography).
test-crypto-interop:
	@bash tests/crypto/interop/run.sh

fuzz:
	@BJLG_FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/run-fuzz.sh

bench: build
	@bash bench/run.sh

stubs:
	@bash scripts/gen-stubs.sh

clean:
	rm -rf build modules
