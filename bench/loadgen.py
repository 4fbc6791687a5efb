"""A small closed-loop HTTP load generator: N client threads, each with a keep-alive
connection, sending the next request as soon as the last one is answered, for a fixed
time. Bounded in count and time; talks only to the local server it is given."""

import http.client
import random
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_REQUESTS = 200_000  # per run, whatever the duration: the loop always ends


@dataclass
class LoadResult:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    queries: list[int]

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    @property
    def queries_per_request(self) -> tuple[int, int]:
        return (min(self.queries), max(self.queries)) if self.queries else (0, 0)

    @property
    def median_queries(self) -> float:
        return statistics.median(self.queries) if self.queries else float("nan")


def run_load(
    *,
    port: int,
    next_path: Callable[[random.Random], str],
    headers: dict[str, str],
    clients: int,
    seconds: float,
    warmup: float = 0.5,
) -> LoadResult:
    lock = threading.Lock()
    latencies: list[float] = []
    queries: list[int] = []
    errors = 0
    count = 0
    start_at = time.perf_counter() + warmup
    stop_at = start_at + seconds

    def client(seed: int) -> None:
        nonlocal errors, count
        rng = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            now = time.perf_counter()
            if now >= stop_at or count >= MAX_REQUESTS:
                break
            path = next_path(rng)
            began = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
                sql = int(response.getheader("X-Queries", "-1"))
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                ok, sql = False, -1
            ended = time.perf_counter()
            if began < start_at or ended > stop_at:
                continue  # warming up (connections, caches), or past the measured window
            with lock:
                count += 1
                if ok:
                    latencies.append((ended - began) * 1000)
                    queries.append(sql)
                else:
                    errors += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return LoadResult(count - errors, errors, seconds, latencies, queries)
