"""A tiny router: path templates with {placeholders} mapped to handler functions."""

import json
import re
from dataclasses import dataclass, field

from .errors import ApiError, invalid_argument

# A placeholder never spans "/" or ":" so that ".../{phoneNumber}:rent" and
# ".../{phoneNumber}" stay distinct routes.
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass
class Request:
    method: str
    path: str
    query: dict
    headers: object
    raw_body: bytes = b""
    params: dict = field(default_factory=dict)

    def arg(self, name, default=None):
        values = self.query.get(name)
        return values[0] if values else default

    def args(self, name):
        return list(self.query.get(name, []))

    def json(self):
        """The body as a JSON object; {} when empty, 400 when not an object."""
        if not self.raw_body.strip():
            return {}
        try:
            body = json.loads(self.raw_body)
        except ValueError as exc:
            raise invalid_argument([("body", f"invalid JSON: {exc}")]) from exc
        if not isinstance(body, dict):
            raise invalid_argument([("body", "must be a JSON object")])
        return body

    def json_or_none(self):
        """The body parsed for the request log: any JSON value, or None."""
        try:
            return json.loads(self.raw_body) if self.raw_body.strip() else None
        except ValueError:
            return None


# How a route answers errors: the wrapped google.rpc.Status shape ({"error": {...}}) of most Sinch
# APIs, or the flat ErrorResponse ({"code": "404", "message", "status"}) of the imported numbers,
# hosting orders and qualified numbers paths.
WRAPPED, FLAT = "wrapped", "flat"


@dataclass
class Route:
    method: str
    template: str
    handler: object
    auth: bool
    regex: re.Pattern
    errors: str = WRAPPED
    # numbers.yaml answers a project the credentials cannot use with 403 PermissionDenied; the
    # other specs with 404 (imported numbers: NotFoundResponse, "...project... could not be found").
    unknown_project: int = 404


# What a handler returns to answer 204 No Content (no body) instead of 200 with JSON.
NO_CONTENT = object()


class Router:
    """Routes are tried in the order they were added.

    handler(sim, request) returns the JSON body of a 200 answer, NO_CONTENT, or raises ApiError.
    auth=True routes need API credentials (Basic or Bearer).
    """

    def __init__(self):
        self.routes = []

    def add(self, method, template, handler, auth=True, errors=WRAPPED, unknown_project=404):
        self.routes.append(Route(method.upper(), template, handler, auth, _compile(template), errors, unknown_project))

    def find(self, method, path):
        """The matching route and its path parameters, or (None, {})."""
        for route in self.routes:
            match = route.regex.match(path)
            if match and route.method == method:
                return route, match.groupdict()
        return None, {}

    def resolve(self, method, path):
        """The matching route and its path parameters, or a 404 ApiError."""
        route, params = self.find(method, path)
        if route is None:
            raise ApiError(404, f"No such method: {method} {path}")
        return route, params


class Routes:
    """The routes of one API module, declared where their handlers are defined:

        API = Routes(PROJECT, errors=FLAT)

        @API.route("GET", "/importedNumbers/{phoneNumber}")
        def get_imported_number(sim, request): ...

    API.register(router) adds them to a Router: each path after the prefix, each handler through
    wrap() when one is given, with the Router.add options (auth, errors, unknown_project) given here.
    """

    def __init__(self, prefix="", wrap=None, **options):
        self.prefix = prefix
        self.wrap = wrap
        self.options = options
        self.declared = []

    def add(self, method, path, handler):
        self.declared.append((method, path, handler))
        return handler

    def route(self, method, path):
        """A decorator: the function answers `method prefix+path`."""
        return lambda handler: self.add(method, path, handler)

    def clearable(self, path, field, items, clear):
        """GET path answers {field: items(sim)}; DELETE path empties them (clear(sim)) and answers the same."""

        def read(sim, _request):
            return {field: items(sim)}

        def empty(sim, request):
            clear(sim)
            return read(sim, request)

        self.add("GET", path, read)
        self.add("DELETE", path, empty)

    def register(self, router):
        for method, path, handler in self.declared:
            router.add(method, self.prefix + path, self.wrap(handler) if self.wrap else handler, **self.options)


def _compile(template):
    parts = _PLACEHOLDER.split(template)
    # split() alternates literal text and placeholder names.
    pattern = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>[^/:]+)" for i, part in enumerate(parts))
    return re.compile(f"^{pattern}$")
