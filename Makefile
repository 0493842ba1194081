# 团学台账 — build, run and test on Debian/Ubuntu.
#   make run    install what is missing, build and open the program
#   make test   install what is missing, then every check CI runs
#               (the data and app suites twice: on SQLite, then on a
#               throw-away PostgreSQL server; SKIP_POSTGRES=1 leaves that out)
#   make windows        cross-build dist/tuanxue.exe (mingw-w64, no console window)
#   make windows-smoke  start that .exe under Wine and Xvfb and check it works

SHELL := /bin/bash
export PATH := $(PATH):/usr/local/go/bin
GO ?= go

# migrated_fynedo: the code touches widgets from goroutines only through
# fyne.Do, as FyneApp.toml declares; `fyne build` sets the same tag.
# no_emoji: Fyne's colour-emoji font is 4 MB of the program and no text of
# ours needs it (assets_test checks every character against our own font).
TAGS := migrated_fynedo,no_emoji
# ci: Fyne's software driver, so tests need no display and no OpenGL.
TEST_TAGS := ci,$(TAGS)
BIN := tuanxue

# cgo, OpenGL and X11 headers for the window; a Chinese UTF-8 locale;
# poppler-utils to read the PDFs back in the tests, qpdf to check them and
# unzip (zipinfo) to list the binder; LibreOffice without its window (Writer
# and Calc) to print the reports' Word and Excel files as an office suite would.
APT_PACKAGES := gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev locales poppler-utils qpdf unzip \
	libreoffice-writer-nogui libreoffice-calc-nogui
LOCALE := zh_CN.UTF-8
# The Windows build: Debian's mingw-w64 for cgo; Wine, Xvfb, xdotool and
# ImageMagick to start it, find its window and photograph it; poppler and
# unzip to look inside the files it writes.
WINDOWS_PACKAGES := gcc-mingw-w64-x86-64 wine64 xvfb xdotool imagemagick poppler-utils unzip
# The shared-server back end is tested on a real PostgreSQL server.
POSTGRES_PACKAGES := postgresql

# Name, version and icon come from FyneApp.toml, the one place they are set.
app_field = $(shell sed -n 's/^$(1) *= *"\{0,1\}\([^"]*\)"\{0,1\}/\1/p' FyneApp.toml)
APP_NAME := $(call app_field,Name)
APP_VERSION := $(call app_field,Version)
APP_BUILD := $(call app_field,Build)
APP_ICON := $(call app_field,Icon)
# Writes the icon, version and manifest into a .syso that go build links in.
GOWINRES := github.com/tc-hib/go-winres@v0.3.3
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: run test build deps fmt-check vet unit memory fuzz unit-postgres layers screenshots clean windows windows-smoke deps-windows deps-postgres

run: deps build
	LANG=$(LOCALE) ./$(BIN)

build:
	$(GO) build -tags $(TAGS) -o $(BIN) .

test: deps fmt-check build vet unit memory fuzz unit-postgres windows-smoke

fmt-check:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi

# The store and the rules, with their tests, must compile for Windows too.
vet:
	$(GO) vet -tags $(TAGS) ./...
	$(GO) vet -tags $(TEST_TAGS) ./...
	GOOS=windows $(GO) vet -tags $(TEST_TAGS) ./data/... ./app/...
	cd views/calmlocale && $(GO) vet ./...

# The command line's end-to-end tests (the root package) run without the
# race detector: they drive the app and data code the other packages test
# under it, and under it they were half of make test (18 of 36 minutes).
unit:
	LANG=$(LOCALE) $(GO) test -race -tags $(TEST_TAGS) -count=1 -timeout 30m $$($(GO) list ./... | grep -vx tuanxue)
	LANG=$(LOCALE) $(GO) test -tags $(TEST_TAGS) -count=1 -timeout 30m .
	cd views/calmlocale && $(GO) test -race -count=1 ./...

# The 200 MB bound of reading a roster, without the race detector (which
# multiplies memory use); the whole command's bound, TestAnImportStaysUnder200MB,
# runs in unit with the root package.
memory:
	LANG=$(LOCALE) $(GO) test -tags $(TEST_TAGS) -count=1 -run '^TestReadingStaysSmall$$' ./app/importer/

# A short run of each fuzz test of the roster reader (their seeds already
# ran in unit); an input that fails is saved under app/importer/testdata/fuzz.
# Longer: make fuzz FUZZTIME=10m
FUZZTIME ?= 10s
FUZZ_TARGETS := FuzzReadCSV FuzzReadXLSX FuzzReadSheetXML FuzzQuote
# A run that ends in "context deadline exceeded" without a failing input is
# Go's fuzzing engine timing out a busy worker on a loaded machine, not a
# finding: it is run once more.
fuzz:
	@for f in $(FUZZ_TARGETS); do \
		echo "fuzz $$f ($(FUZZTIME))"; \
		out=$$($(GO) test -tags $(TEST_TAGS) -run '^$$' -fuzz "^$$f\$$" -fuzztime $(FUZZTIME) ./app/importer/ 2>&1); rc=$$?; \
		echo "$$out" | grep -v 'Fyne error\|Cause:\|At: '; \
		if [ $$rc -ne 0 ] && echo "$$out" | grep -q 'context deadline exceeded' && ! echo "$$out" | grep -q 'Failing input written'; then \
			echo "fuzz $$f: the fuzzing engine timed out, no failing input; once more"; \
			$(GO) test -tags $(TEST_TAGS) -run '^$$' -fuzz "^$$f\$$" -fuzztime $(FUZZTIME) ./app/importer/ || exit 1; \
		elif [ $$rc -ne 0 ]; then exit 1; fi; \
	done

# The store, the rules and the reports once more, on a PostgreSQL server of
# their own (.ci/with-postgres), and `tuanxue db copy` onto it and back.
# Only SKIP_POSTGRES=1 leaves this out.
unit-postgres:
ifeq ($(SKIP_POSTGRES),1)
	@echo "SKIP_POSTGRES=1: the PostgreSQL pass is skipped"
else
	@$(MAKE) --no-print-directory deps-postgres
	LANG=$(LOCALE) .ci/with-postgres sh -c '$(GO) test -race -tags $(TEST_TAGS) -count=1 -timeout 30m ./data/... ./app/... && \
		$(GO) test -tags $(TEST_TAGS) -count=1 -run TestDBCopy .' 
endif

# Render every main screen with the sample college into docs/screenshots.
screenshots: build
	LANG=$(LOCALE) ./$(BIN) screenshot docs/screenshots

# Windows 10/11, 64-bit. The resource file is rebuilt each time so that
# FyneApp.toml stays the only source of the name, version and icon.
windows: deps-windows
	$(GO) run $(GOWINRES) simply --arch amd64 --out rsrc --manifest gui \
		--icon $(APP_ICON) --product-name "$(APP_NAME)" --file-description "$(APP_NAME)" \
		--product-version $(APP_VERSION).$(APP_BUILD) --file-version $(APP_VERSION).$(APP_BUILD) \
		--original-filename $(BIN).exe --copyright "团学台账开发组"
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build -tags $(TAGS) -ldflags "-H windowsgui -s -w" -o dist/$(BIN).exe .
	rm -f rsrc_windows_amd64.syso

# Under a throw-away PostgreSQL server too, unless SKIP_POSTGRES=1.
windows-smoke: windows
ifeq ($(SKIP_POSTGRES),1)
	.ci/windows-smoke dist/$(BIN).exe dist/windows-wine.png
else
	@$(MAKE) --no-print-directory deps-postgres
	.ci/with-postgres .ci/windows-smoke dist/$(BIN).exe dist/windows-wine.png
endif

deps:
	@$(call apt_install,$(APT_PACKAGES))
	@if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$$'; then \
		echo "Generating locale $(LOCALE)"; \
		$(SUDO) sed -i 's/^# *\($(LOCALE) UTF-8\)/\1/' /etc/locale.gen; \
		grep -q '^$(LOCALE) UTF-8' /etc/locale.gen || echo '$(LOCALE) UTF-8' | $(SUDO) tee -a /etc/locale.gen >/dev/null; \
		$(SUDO) locale-gen >/dev/null; \
	fi
	@command -v $(GO) >/dev/null || { echo "Go is not installed: see README"; exit 1; }

deps-windows: deps
	@$(call apt_install,$(WINDOWS_PACKAGES))

deps-postgres:
	@$(call apt_install,$(POSTGRES_PACKAGES))

# apt_install installs the Debian packages of the list that are missing.
define apt_install
missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
if [ -n "$$missing" ]; then \
	echo "Installing: $$missing"; \
	$(SUDO) apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
fi
endef

clean:
	rm -f $(BIN) rsrc_windows_amd64.syso
	rm -rf dist
