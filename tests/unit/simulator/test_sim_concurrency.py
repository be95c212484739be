"""Concurrent clients: every state change is atomic."""

from concurrent.futures import ThreadPoolExecutor

from sim_helpers import BASE, KEY_ID, KEY_SECRET, Session

RENT_ANY = f"{BASE}/availableNumbers:rentAny"


def in_parallel(sim, count, call):
    def worker(_index):
        with Session(sim.url, auth=(KEY_ID, KEY_SECRET)) as session:
            return call(session)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(worker, range(count)))


def test_one_number_rented_by_many_clients_is_rented_once(sim):
    statuses = in_parallel(sim, 16, lambda s: s.post(f"{BASE}/availableNumbers/+12065550100:rent", json={}).status_code)
    assert sorted(statuses) == [200] + [404] * 15


def test_concurrent_rent_any_never_hands_out_a_number_twice(sim):
    body = {"regionCode": "SE", "type": "MOBILE"}
    phones = in_parallel(sim, 16, lambda s: s.post(RENT_ANY, json=body).json()["phoneNumber"])
    assert len(set(phones)) == 16
    assert len(sim.requests()) == 16
