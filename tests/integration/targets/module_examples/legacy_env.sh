# shellcheck shell=bash
# Sourced by runme.sh: the legacy number administration modules read the simulator's dashboard
# user (tests/simulator/legacy/state.py) and its URL from their SINCH_LEGACY_* fallbacks.
export SINCH_LEGACY_EMAIL=demo@example.com SINCH_LEGACY_PASSWORD=demo-dashboard-password \
    SINCH_LEGACY_USER_URL="${SIM_URL}" SINCH_LEGACY_API_URL="${SIM_URL}" SINCH_LEGACY_PORTAL_URL="${SIM_URL}"
