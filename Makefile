# bjlg: the two commands are `make run` and `make check` (see README.md).
#   make run    install what is missing, build, run the main job on the embedded example
#   make check  install what is missing, build, run every test (Catch2, phpt, phpt under
#               valgrind, the cron differential test, crypto interop, quota collectors
#               against loopback servers, fuzz targets for a bounded time)
#   make build  build only; make bench runs the benchmarks
#   make install  a stripped release build into PHP's extension folder, enabled by phpenmod
SHELL := /bin/bash
PHP := php -d extension=$(CURDIR)/modules/bjlg.so
FUZZ_SECONDS ?= 15

# The project's designs and fixtures (../shared) sit beside the checkout; a fresh clone of a
# local checkout finds them beside the checkout it was cloned from. Tests read BJLG_SHARED_DIR.
ifeq ($(origin BJLG_SHARED_DIR),undefined)
BJLG_SHARED_DIR := $(firstword $(wildcard $(abspath $(CURDIR)/../shared)) \
  $(wildcard $(abspath $(shell git -C $(CURDIR) config --get remote.origin.url 2>/dev/null)/../shared)))
endif
ifneq ($(BJLG_SHARED_DIR),)
export BJLG_SHARED_DIR
endif

.PHONY: all deps build core ext run run-wordpress check admin test-admin test-core test-php test-valgrind test-stubs test-diff test-crypto-interop test-quota-integration test-archive-big test-verify-integration test-notify-integration test-install test-docs test-sla-report fuzz bench stubs clean install uninstall

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

# The main job (scripts/run-sample-job.sh): check the example schedules, then a real backup of a
# generated sample site (PHP/JS/CSS text, incompressible media) and of its database (loaded into a
# throwaway MariaDB, dumped straight into the archive), its verification with a restore test, and
# the post-backup report (build/run/report.html: what was saved, verified, where, how long).
run: build
	@bash scripts/run-sample-job.sh

# A sample WordPress with the plugin on loopback, one scheduled backup run by WP-Cron, and where
# the site and the archive are (docs/wordpress.md "Try it"); make run stays the extension's job.
run-wordpress: build
	@bash scripts/run-wordpress.sh

check: build
	@$(MAKE) --no-print-directory test-stubs test-core test-php test-valgrind test-diff test-crypto-interop test-quota-integration test-verify-integration test-notify-integration test-sla-report test-install test-docs test-wordpress test-admin fuzz
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

# Bjlg\Database against a throwaway MariaDB (also part of test-verify-integration's [mariadb]).
test-database-integration:
	@bash scripts/run-core-tests.sh "[database][mariadb]"

# SLA reports in headless Chromium: no console error, every chart in the DOM, a screenshot that
# is not blank (build/sla-report/report-{en,fr}.png).
test-sla-report: build
	@bash tests/sla/chromium-report.sh build/sla-report

# Bjlg\Notify against real receivers on loopback: aiosmtpd (STARTTLS + AUTH, SMTPS) and HTTP(S)
# receivers answering as each provider documents; signatures checked with Python's hmac.
test-notify-integration: build
	@/usr/bin/python3 tests/notify/integration.py

# The WordPress plugin (wordpress/bjlg): PHPUnit (Debian's phpunit 9.6) on its pure classes, then
# end to end on Debian's WordPress 6.1 served by php -S with a throwaway MariaDB: backups through
# REST and bin/bjlg --wp, verified archives, history, lock, missed schedule runs, refusals.
test-wordpress: build
	@$(PHP) /usr/bin/phpunit -c wordpress/phpunit.xml.dist
	@bash tests/wordpress/run-e2e.sh
	@bash tests/wordpress/run-e2e-ops.sh
	@bash tests/wordpress/run-e2e-restore.sh
	@bash tests/wordpress/run-e2e-policy.sh
	@bash tests/wordpress/run-e2e-settings.sh
	@bash tests/wordpress/run-e2e-legacy.sh
	@bash tests/wordpress/run-e2e-incremental.sh
	@bash tests/wordpress/run-e2e-key.sh
	@bash tests/wordpress/run-e2e-targets.sh

# The admin screens (wordpress/bjlg/admin, docs/admin.md): npm ci from the committed lockfile,
# then the @wordpress/scripts bundle into wordpress/bjlg/admin/build (about 15 s). npm ci (two
# minutes) reruns only when the lockfile is newer than the tree it made. Playwright is a dev
# dependency and must not fetch browsers: the tests use Debian's chromium.
ADMIN := wordpress/bjlg/admin
admin: $(ADMIN)/node_modules/.package-lock.json
	@cd $(ADMIN) && npm run --silent build >/dev/null
	@echo "built $(ADMIN)/build (admin screens)"

$(ADMIN)/node_modules/.package-lock.json: $(ADMIN)/package-lock.json $(ADMIN)/package.json
	@cd $(ADMIN) && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The admin screens in Chromium (Playwright + axe-core) on the WordPress of run-e2e.sh;
# screenshots at 1280 and 360 px in build/admin-screens/.
test-admin: build admin
	@bash tests/wordpress/run-admin.sh

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

# Quota collectors against real servers on loopback (s3rver, azurite, sabre/dav, sshd, …).
test-quota-integration:
	@bash tests/quota/run-integration.sh

fuzz:
	@BJLG_FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/run-fuzz.sh

bench: build admin
	@bash bench/run.sh

stubs:
	@bash scripts/gen-stubs.sh

# A stripped release build into `php-config --extension-dir`, with bjlg.ini enabled by phpenmod.
install: deps
	@bash scripts/install-ext.sh

uninstall:
	@bash scripts/install-ext.sh --uninstall

# Every ```php and ```sh block of README.md and docs/*.md runs (```sh no-run marks one that must not).
test-docs:
	@php scripts/run-doc-snippets.php

# `make install` into a staging root: the installed module loads with only its ini file and is
# stripped (tests/install/run.sh).
test-install:
	@bash tests/install/run.sh

clean:
	rm -rf build modules
