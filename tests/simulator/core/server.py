"""The HTTP server: one port for every simulated API, /oauth2/token and the /_sim/ admin API.

Every request goes through Simulator.handle: fault rules, then routing, auth and the
handler under one lock (so state changes are atomic), then the request log.
"""

import json
import socket
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

from . import admin
from . import auth
from ..callbacks import api as callback_api
from ..imported import api as imported_api
from ..legacy import api as legacy_api
from ..numbers import api as numbers_api
from ..numbers import callbacks as numbers_callbacks
from ..registrations import api as registrations_api
from .deliveries import Deliveries
from .errors import ApiError, injected, internal, permission_denied
from .faults import FaultInjector
from .request_log import RequestLog
from .router import FLAT, NO_CONTENT, Request, Router
from .state import Settings, Store
from .timers import Timers

# Each module exposes register(router). Add sibling API modules (imported numbers and
# hosting orders, sender ID registrations, the legacy API) here.
API_MODULES = (auth, numbers_api, numbers_callbacks, imported_api, callback_api, registrations_api, legacy_api, admin)
ADMIN_PREFIX = admin.PREFIX + "/"


@dataclass
class Reply:
    status: int
    body: object
    headers: dict = field(default_factory=dict)


# A fault that closes the connection without answering; logged with status 0.
DROPPED = Reply(0, None)


def build_router():
    router = Router()
    for module in API_MODULES:
        module.register(router)
    return router


class Simulator:
    """A stateful Sinch API simulator on a local port.

    sim = Simulator(provisioning_delay=2.0); sim.start(); sim.url; sim.requests(); sim.reset(); sim.stop()
    or: with Simulator() as sim: ...
    """

    def __init__(self, provisioning_delay=2.0, project_id="demo-project", key_id="demo-key",
                 key_secret="demo-secret", token_ttl=3600, host="127.0.0.1", port=0, latency=0.0):
        self._initial_settings = Settings(project_id, key_id, key_secret, provisioning_delay, token_ttl, latency)
        self._address = (host, port)
        self.lock = threading.RLock()
        self.router = build_router()
        # Issued tokens survive reset(): they belong to the auth server, and a client that
        # caches its token across tests should not see spurious 401s.
        self.tokens = auth.TokenStore()
        # Callbacks (deliveries.py) and the work that causes them on time (timers.py); both run
        # while the server does.
        self.deliveries = Deliveries(self.lock)
        self.timers = Timers(self.lock, clock=self._clock)
        self._server = None
        self._thread = None
        self.settings = self.store = self.log = self.faults = None
        self.reset()

    # -- Python API -------------------------------------------------------

    def start(self):
        """Serve in a background thread; returns self."""
        if self._server is not None:
            return self
        self.deliveries.start()
        self.timers.start()
        self._server = _HttpServer(self._address, _Handler)
        self._server.simulator = self
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="sinch-simulator", daemon=True)
        self._thread.start()
        return self

    def stop(self):
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
        self._server = self._thread = None
        self.timers.stop()
        self.deliveries.stop()

    @property
    def url(self):
        if self._server is None:
            raise RuntimeError("the simulator is not started")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def requests(self):
        """A copy of the request log (admin requests are not in it)."""
        with self.lock:
            return [dict(entry) for entry in self.log.entries]

    def reset(self):
        """Everything back to the initial state: pool, numbers, projects, log, faults, settings."""
        with self.lock:
            self.settings = replace(self._initial_settings)
            self.store = Store(self.settings.project_id)
            if self.log is not None:
                self.log.clear()  # a request still in flight must not land in the new log
            self.log = RequestLog()
            self.faults = FaultInjector()
            self.timers.clear()  # work scheduled for the forgotten store

    @staticmethod
    def now():
        return time.time()

    def _clock(self):
        """The timers' clock: now(), also when a test replaces sim.now with a fake clock."""
        return self.now()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    # -- request pipeline -------------------------------------------------

    def handle(self, request, started):
        if request.path.startswith(ADMIN_PREFIX):
            return self._dispatch(request)
        with self.lock:
            log, generation = self.log, self.log.generation
        # Outside the lock: concurrent requests wait side by side, as they would on a real network.
        latency = self.settings.latency
        if latency:
            time.sleep(latency)
        with self.lock:
            rule = self.faults.take(request.method, request.path)
        reply = self._dispatch(request) if rule is None else self._apply_fault(rule, request)
        with self.lock:
            # into the log this request arrived in: after a reset or a clear it is no longer counted
            log.record(request, reply.status, rule is not None, started, generation)
        return reply

    def _apply_fault(self, rule, request):
        """See faults.py for what "before", "after", "drop" and "echo_auth" mean."""
        route, _params = self.router.find(request.method, request.path)
        fault = None if rule.status is None else _error_reply(injected(rule.status, rule.retry_after), route)
        if rule.mode == "before":
            time.sleep(rule.delay)
            if rule.drop:
                return DROPPED
            reply = self._dispatch(request) if fault is None else fault
        else:
            reply = self._dispatch(request)
            time.sleep(rule.delay)
            if rule.drop:
                return DROPPED
            reply = reply if fault is None else fault
        if rule.echo_auth:
            reply.headers["x-request-id"] = request.headers.get("Authorization") or ""
        return reply

    def _dispatch(self, request):
        with self.lock:
            route = None
            try:
                route, request.params = self.router.resolve(request.method, request.path)
                if route.auth:
                    auth.check_request(self, request)
                    if "projectId" in request.params:
                        self._check_project(route, request.params["projectId"])
                body = route.handler(self, request)
                return Reply(204, None) if body is NO_CONTENT else Reply(200, body)
            except ApiError as error:
                return _error_reply(error, route)
            except Exception:  # pylint: disable=broad-except  # a simulator bug answers 500, visibly
                traceback.print_exc(file=sys.stderr)
                return _error_reply(internal("Simulator error, see its stderr"), route)

    def _check_project(self, route, project_id):
        """An unknown project is 404, or 403 PermissionDenied on the routes of numbers.yaml."""
        try:
            self.store.project(project_id)
        except ApiError:
            if route.unknown_project != 403:
                raise
            raise permission_denied(f"Permission denied on project {project_id}: improper credentials. Be sure "
                                    "your projectId, key id and key secret are correct.") from None


def _error_reply(error, route=None):
    """The error in the shape of the route's API (wrapped unless the route answers flat errors)."""
    body = error.flat_body() if route is not None and route.errors == FLAT else error.body()
    return Reply(error.code, body, dict(error.headers))


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    # The default backlog of 5 drops connection bursts (parallel clients), costing a 1 s SYN retry.
    request_queue_size = 128
    simulator = None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "SinchSimulator/1.0"
    # Idle keep-alive connections are closed after this many seconds.
    timeout = 120

    def setup(self):
        super().setup()
        # Headers and body go out in two writes; without this, Nagle's algorithm and the
        # client's delayed ACK add ~40 ms to every keep-alive request.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self):  # noqa: N802 (the http.server naming)
        self._serve()

    def do_POST(self):  # noqa: N802
        self._serve()

    def do_PATCH(self):  # noqa: N802
        self._serve()

    def do_PUT(self):  # noqa: N802
        self._serve()

    def do_DELETE(self):  # noqa: N802
        self._serve()

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        """Silent: the request log is the record."""

    def _serve(self):
        started = time.time()
        reply = self.server.simulator.handle(self._read_request(), started)
        self._send(reply)

    def _read_request(self):
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        query = parse_qs(url.query, keep_blank_values=True)
        return Request(self.command, unquote(url.path), query, self.headers, body)

    def _send(self, reply):
        if reply is DROPPED:
            self.close_connection = True
            return
        # A handler returning bytes serves a file (attachment and template downloads).
        binary = isinstance(reply.body, bytes)
        data = reply.body if binary else json.dumps(reply.body).encode("utf-8")
        if reply.status == 204:
            data = b""
        try:
            self.send_response(reply.status)
            if data:
                self.send_header("Content-Type", "application/octet-stream" if binary else "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            # The client gave up (e.g. timed out on an injected delay).
            self.close_connection = True
