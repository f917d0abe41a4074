"""Process settings for long extraction runs (batch jobs, throughput benchmarks).

Two costs of a long run belong to the process rather than to the model:

- glibc hands freed memory at the top of its heap back to the system, and serves large
  blocks with fresh mappings, so each batch's activations are faulted in again page by page
  (about a fifth of a bfloat16 encoder pass on the machines this was measured on);
- the garbage collector's full passes walk every live object, and a loaded model (torch,
  transformers) leaves some 450,000 of them.

:func:`tune_for_throughput` keeps freed memory for reuse and takes the objects alive after
loading out of the collector's passes. It changes the whole process, so the batch job calls
it in its workers; a program that embeds vnpartner decides for itself.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import platform

_M_TRIM_THRESHOLD = -1  # glibc mallopt parameters (malloc.h)
_M_MMAP_THRESHOLD = -3
KEEP_FREE_BYTES = 1 << 30  # free heap memory kept before any is returned to the system
HEAP_BLOCK_BYTES = 32 << 20  # blocks up to this size come from the heap, not fresh mappings (glibc's cap)


def tune_for_throughput() -> dict[str, bool]:
    """Tune this process for a long extraction run; call it once, after loading the model.

    Returns which settings took effect: ``allocator`` (glibc only) and ``gc_frozen``.
    """
    allocator = _keep_freed_memory()
    gc.collect()
    gc.freeze()
    return {"allocator": allocator, "gc_frozen": True}


def _keep_freed_memory() -> bool:
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.mallopt(_M_TRIM_THRESHOLD, KEEP_FREE_BYTES)) and bool(
            libc.mallopt(_M_MMAP_THRESHOLD, HEAP_BLOCK_BYTES))
    except (OSError, AttributeError):
        return False
