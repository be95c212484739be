"""Command line: serve the simulator until SIGTERM/SIGINT.

Prints exactly one line to stdout, SIMULATOR_URL=http://HOST:PORT, once it accepts requests.
"""

import argparse
import os
import signal
import sys
import threading

if __package__:
    from .core.server import Simulator
else:
    # Run as `python tests/simulator`: import the package by name from tests/.
    sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    from simulator.core.server import Simulator  # pylint: disable=import-error


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m tests.simulator", description="Sinch API simulator")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port (default)")
    parser.add_argument("--port-file", help="also write the URL to this file")
    parser.add_argument("--provisioning-delay", type=float, default=2.0, help="seconds (default 2.0)")
    parser.add_argument("--latency", type=float, default=0.0,
                        help="seconds every API request waits before it is answered (default 0)")
    parser.add_argument("--project", default="demo-project", help="the project that exists at start")
    parser.add_argument("--key-id", default="demo-key")
    parser.add_argument("--key-secret", default="demo-secret")
    return parser.parse_args(argv)


def write_port_file(path, url):
    """Write atomically, so a reader polling for the file never sees it half written."""
    temporary = f"{path}.tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(url + "\n")
    os.replace(temporary, path)


def main(argv=None):
    args = parse_args(argv)
    stopping = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stopping.set())
    simulator = Simulator(provisioning_delay=args.provisioning_delay, project_id=args.project,
                          key_id=args.key_id, key_secret=args.key_secret, host=args.host, port=args.port,
                          latency=args.latency)
    try:
        simulator.start()
    except OSError as error:  # the port is taken (or not ours to open): say so, without a traceback
        reason = error.strerror or str(error)
        print(f"python -m tests.simulator: cannot listen on {args.host}:{args.port}: {reason}", file=sys.stderr)
        return 2
    try:
        if args.port_file:
            write_port_file(args.port_file, simulator.url)
        print(f"SIMULATOR_URL={simulator.url}", flush=True)
        while not stopping.wait(0.5):
            pass
    finally:
        simulator.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
