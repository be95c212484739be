# The two commands of the README, plus a few conveniences.
#   make demo                  run playbooks/demo.yml against the local Sinch API simulator (3 runs)
#   make simulator             run the simulator in the foreground for trying the guides by hand
#   make test                  every quality gate (sanity, units, integration, lint, docs, build, ...)
#   make test GATES="sanity units"   only some gates
#   make release-notes         put every changelog fragment into CHANGELOG.rst (release of galaxy.yml's version)
# Both set everything up themselves (.venv, tools, simulator); see scripts/.

SHELL := /bin/bash
GATES ?=

.PHONY: all demo simulator test release-notes bootstrap sanity units integration changelog lint docs docsite build molecule eda benchmark matrix clean help

all: test

help:
	@sed -n 's/^#   /  /p' Makefile

demo:
	./scripts/demo.sh

simulator:
	./scripts/simulator.sh

test:
	./scripts/test.sh $(GATES)

bootstrap:
	./scripts/bootstrap.sh

release-notes: bootstrap
	"$${SINCH_VENV:-.venv}/bin/python" scripts/release_notes.py

sanity units integration changelog lint docs docsite build molecule eda benchmark matrix:
	./scripts/test.sh $@

clean:
	rm -rf tests/output dist .ansible
