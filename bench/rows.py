import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Row:
    name: str
    ours: float
    baseline: float
    unit: str
    baseline_is: str

    def __str__(self) -> str:
        return (
            f"{self.name:<44} {self.ours:>10.2f} {self.unit:<3} {self.baseline:>10.2f} "
            f"{self.unit:<3} {self.baseline_is}"
        )


def best_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    """Best of ``repeat`` wall-clock runs, in milliseconds (the least disturbed run)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000
