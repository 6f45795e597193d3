# Tongban: two commands do everything — `make run` starts the mesh, `make test` tests it.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
UV_VERSION := 0.13.9
UV := .uv/bin/uv
VENV := .venv
BIN := $(VENV)/bin
export UV_PYTHON_DOWNLOADS := never
export UV_PYTHON := $(PYTHON)

.DEFAULT_GOAL := help
.PHONY: help setup run test test-fast test-cluster lint format typecheck contracts bench migrate image clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv .uv
	.uv/bin/pip install --quiet "uv==$(UV_VERSION)"

$(VENV)/.synced: $(UV) uv.lock pyproject.toml $(wildcard */pyproject.toml */*/pyproject.toml)
	$(UV) sync --all-packages --frozen --quiet
	@touch $@

setup: $(VENV)/.synced ## create .venv with every package (done by the other targets too)

run: setup ## start the whole mesh with embedded PostgreSQL and NATS and Qijiang demo data
	$(BIN)/tongban up

migrate: setup ## migrate every service's database (embedded PostgreSQL unless URLs are set)
	$(BIN)/tongban migrate

test: setup ## every test tier: unit, integration, api, contract, e2e
	$(BIN)/pytest -q

test-fast: setup ## everything but the e2e tier
	$(BIN)/pytest -q -m "not e2e and not cluster"

test-cluster: setup ## the cluster tier: 3-node NATS, every process doubled, kills, pauses, a PostgreSQL outage
	$(BIN)/pytest -q -s -m cluster tests/cluster

lint: setup ## ruff, format check, import contracts
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: setup ## apply ruff fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: setup ## mypy strict over every package
	$(BIN)/mypy libs/meshkit/src services/*/src gateway/src deploy/src bench

contracts: setup ## regenerate contracts/ (OpenAPI, event schemas, AsyncAPI) and the clients in clients/ (needs npm)
	$(BIN)/tongban contracts

bench: setup ## benchmarks: gateway, tokens, exchange reads, case submission and queues, events, relay, search (writes bench/results/)
	$(BIN)/python -m bench.run

IMAGE ?= tongban:dev
image: ## build the one container image (deploy/container/Dockerfile) with podman or docker, where one runs
	@engine=""; for candidate in podman docker; do \
	  if command -v $$candidate >/dev/null 2>&1 && $$candidate info >/dev/null 2>&1; then engine=$$candidate; break; fi; \
	done; \
	if [ -z "$$engine" ]; then \
	  echo "make image: no container engine answers here (podman or docker with its daemon); skipped."; \
	  echo "The Dockerfile is still linted by the tests (hadolint: deploy/tests/test_container_image.py)."; \
	  exit 0; \
	fi; \
	DOCKER_BUILDKIT=1 $$engine build -f deploy/container/Dockerfile -t $(IMAGE) .

clean: ## remove the environments (var/ data is kept)
	rm -rf .venv .uv .mypy_cache .ruff_cache .pytest_cache
