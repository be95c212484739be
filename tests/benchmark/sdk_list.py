# Copyright (c) 2026 sinch.numbers contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The floor the inventory's load cost is measured against: the official Sinch Python SDK listing the
active numbers of one (region, type) pair, as a plain script would, then printing how many there are.

    python sdk_list.py REGION TYPE PAGE_SIZE     (connection from SINCH_* variables)
"""

from __future__ import annotations

import os
import sys

from sinch import SinchClient


def main(region_code, number_type, page_size):
    client = SinchClient(key_id=os.environ["SINCH_KEY_ID"], key_secret=os.environ["SINCH_KEY_SECRET"],
                         project_id=os.environ["SINCH_PROJECT_ID"])
    client.configuration.auth_origin = os.environ["SINCH_AUTH_URL"]
    client.configuration.numbers_origin = os.environ["SINCH_NUMBERS_URL"]
    pages = client.numbers.list(region_code=region_code, number_type=number_type, page_size=int(page_size))
    print(sum(1 for _number in pages.iterator()))


if __name__ == "__main__":
    main(*sys.argv[1:])
