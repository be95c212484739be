"""A local, stateful simulator of the Sinch APIs, for tests and the demo (not shipped).

    from simulator.server import Simulator      # with tests/ on sys.path
    python -m tests.simulator --port 0          # from the repository root

Layout: server.py (HTTP, pipeline, lock), router.py, auth.py (/oauth2/token, Basic/Bearer),
faults.py, request_log.py, state.py (store), models.py, provisioning.py, paging.py,
errors.py, admin.py (/_sim/), numbers_api.py (+ numbers_params.py, numbers_config.py).

Adding an API family (imported numbers / hosting orders, sender ID registrations, the legacy
API): write a sibling module xxx_api.py with handlers `handler(sim, request)` that return a
JSON body or raise errors.ApiError, expose `register(router)` calling
`router.add(method, "/v1/projects/{projectId}/...", handler)`, keep its state on the Store
(state.py), and list the module in server.API_MODULES. See README.md.
"""
