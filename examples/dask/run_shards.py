#!/usr/bin/env python3
"""Split one archive across Dask workers with dossier, then merge the shards.

Each worker runs `dossier extract ARCHIVE --shard K/N --out-dir OUT/shards/K`
(a shard is the documents whose id hashes to K of N, so no coordination is
needed), and the shard folders are combined with `dossier merge` into
OUT/merged: byte for byte what one `dossier extract ARCHIVE --out-dir` writes.

  # on a laptop: a LocalCluster with 2 worker processes
  python3 examples/dask/run_shards.py archive.jsonl --out-dir out --shards 4 --workers 2

  # on a cluster: the same script against a running scheduler; ARCHIVE, OUT and
  # dossier itself must be at the same paths on every worker (shared storage)
  python3 examples/dask/run_shards.py /data/archive.jsonl --out-dir /data/out \
      --shards 64 --scheduler tcp://scheduler:8786

Needs Dask distributed (Debian: apt-get install python3-distributed).
"""

import argparse
import os
import subprocess
import sys

from dask.distributed import Client, LocalCluster

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DOSSIER = os.path.join(HERE, "..", "..", "bin", "dossier")


def run_shard(dossier, archive, k, n, out_dir, extra):
    """One Dask task: one shard through dossier. Returns (k, exit code, stderr)."""
    cmd = [dossier, "extract", *archive, "--shard", f"{k}/{n}", "--out-dir", out_dir,
           "--force", "--quiet", "--jobs", "1", *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    return k, proc.returncode, proc.stderr


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("archive", nargs="+", help="files or folders for dossier extract")
    p.add_argument("--out-dir", required=True, help="OUT/shards/K per shard, OUT/merged for the result")
    p.add_argument("--shards", type=int, default=4, help="number of shards N (default 4)")
    p.add_argument("--scheduler", help="address of a running Dask scheduler (default: a LocalCluster)")
    p.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    p.add_argument("--dossier", default=os.path.abspath(DEFAULT_DOSSIER), help="path of the dossier command")
    p.add_argument("--format", default="csv", choices=["csv", "json", "jsonl"])
    args = p.parse_args(argv)

    archive = [os.path.abspath(a) for a in args.archive]
    out = os.path.abspath(args.out_dir)
    extra = ["--format", args.format]
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = [
            client.submit(run_shard, args.dossier, archive, k, args.shards,
                          os.path.join(out, "shards", str(k)), extra, pure=False)
            for k in range(1, args.shards + 1)
        ]
        failed = False
        for k, code, err in client.gather(futures):
            # Exit 1 means some documents could not be read: they are rows with
            # status=error in the shard's documents table, and the shard is whole.
            if code not in (0, 1):
                failed = True
                print(f"shard {k}/{args.shards} failed (exit {code}): {err.strip()}", file=sys.stderr)
            elif err.strip():
                print(err.strip(), file=sys.stderr)
        if failed:
            return 1
    finally:
        client.close()
        if not args.scheduler:
            cluster.close()
    shards = [os.path.join(out, "shards", str(k)) for k in range(1, args.shards + 1)]
    merged = os.path.join(out, "merged")
    return subprocess.run([args.dossier, "merge", *shards, "--out-dir", merged, "--force"]).returncode


if __name__ == "__main__":
    sys.exit(main())
