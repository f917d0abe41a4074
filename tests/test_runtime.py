import json
import platform
import subprocess
import sys


def test_tuning_freezes_the_collector_and_keeps_freed_memory_on_glibc():
    # In a child process: the settings are process-wide, and the test process keeps its own.
    code = ("import gc, json; from vnpartner.runtime import tune_for_throughput; "
            "applied = tune_for_throughput(); print(json.dumps([applied, gc.get_freeze_count()]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    applied, frozen = json.loads(out)
    assert applied["gc_frozen"] is True and frozen > 0
    glibc = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
    assert applied["allocator"] is glibc
