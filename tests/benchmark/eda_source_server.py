#!/usr/bin/env python
# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The sinch.numbers.callbacks event source as ansible-rulebook runs it, for the throughput benchmark.

    SINCH_NUMBERS_HMAC_SECRET=... python tests/benchmark/eda_source_server.py --port PORT --out FILE

Loads the source with runpy.run_path and awaits its main(queue, args), as ansible-rulebook does; a
consumer takes every event off the queue (as the rule engine would) and records its event_id. On
SIGTERM it stops the source, takes what is still queued, writes the ids (a JSON list, in queue
order) to FILE and exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import runpy
import signal
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "extensions" / "eda" / "plugins" / "event_source" / "callbacks.py"


async def serve(port, out):
    source = runpy.run_path(str(SOURCE))
    queue = asyncio.Queue()
    ids = []
    stopping = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stopping.set)

    async def consume():
        while True:
            ids.append((await queue.get())["event_id"])

    consumer = asyncio.ensure_future(consume())
    listener = asyncio.ensure_future(source["main"](queue, {"host": "127.0.0.1", "port": port}))
    await stopping.wait()
    listener.cancel()
    await asyncio.gather(listener, return_exceptions=True)
    while not queue.empty():
        ids.append(queue.get_nowait()["event_id"])
    consumer.cancel()
    await asyncio.gather(consumer, return_exceptions=True)
    Path(out).write_text(json.dumps(ids))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    asyncio.run(serve(args.port, args.out))


if __name__ == "__main__":
    main()
