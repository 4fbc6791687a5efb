"""The benchmark runs at a small scale, reports every figure and its generator is seeded."""

import numpy as np

from verkosto.analytics.core.bench import generate, run_bench


def test_small_run_reports_every_figure():
    result = run_bench("small", seed=1)
    for key in (
        "full_pass_s",
        "peak_rss_mb",
        "networkx_subset_s",
        "ours_subset_s",
        "floor_s",
        "speedup_vs_networkx",
        "full_pass_over_floor",
        "targets_met",
    ):
        assert key in result
    assert set(result["targets_met"]) == {
        "full_pass_le_20s",
        "peak_rss_le_4096mb",
        "speedup_ge_50x",
        "full_pass_le_3x_floor",
    }
    assert result["full_pass_s"] > 0 and result["floor_s"] > 0


def test_generator_is_seeded():
    a, b, c = generate("small", 3), generate("small", 3), generate("small", 4)
    assert np.array_equal(a.mem_member, b.mem_member)
    assert np.array_equal(a.mem_start, b.mem_start)
    assert (a.mem_themes != b.mem_themes).nnz == 0
    assert not np.array_equal(a.mem_member, c.mem_member)
