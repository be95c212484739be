"""A local, stateful simulator of the Sinch APIs, for tests and the demo (not shipped).

    from simulator.core.server import Simulator   # with tests/ on sys.path
    python -m tests.simulator --port 0            # from the repository root

Layout (docs/architecture.md):
    core/           server (HTTP, pipeline, lock), router, auth (/oauth2/token, Basic/Bearer),
                    faults, request_log, paging, errors, validation, provisioning jobs,
                    state (settings and store), admin (/_sim/)
    numbers/        the Numbers API: api (handlers), params, config (bodies), models, pool
    imported/       imported numbers, hosting orders, qualified numbers: api, params, models, state
    registrations/  sender ID registrations: api, params, catalog, multipart, state
    callbacks/      callback configuration handlers shared by the Numbers and registrations APIs
    legacy/         the legacy Number Administration API: api, auth, errors, state, admin

Adding an API family: a new package with api.py whose handlers `handler(sim, request)` return a
JSON body or raise core.errors.ApiError, each declared with its route on a core.router.Routes
(`@API.route("GET", "/things/{thingId}")`), exposing `register(router)` (API.register); keep its
state on the Store (core/state.py) and list the module in core.server.API_MODULES. See README.md.
"""
