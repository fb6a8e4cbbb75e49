"""Turning core results into reply bodies (field order as documented in the API)."""


def model_ref(model) -> dict:
    return {"name": model.name, "version": model.version}


def sentence_reply(item: dict, with_offsets: bool) -> dict:
    reply = {"index": item["index"], "text": item["text"]}
    if with_offsets:
        reply["start"], reply["end"] = item["start"], item["end"]
    reply["stance"] = item["stance"]
    reply["sentiment"] = item["sentiment"]
    reply["actors"] = item["actors"]
    reply["source"], reply["target"] = item["source"], item["target"]
    return reply


def score_reply(model, result: dict, with_offsets: bool) -> dict:
    return {"model": model_ref(model),
            "sentences": [sentence_reply(item, with_offsets) for item in result["sentences"]],
            "summary": result["summary"]}


def batch_reply(model, documents: list[dict], results: list[dict]) -> dict:
    return {"model": model_ref(model),
            "documents": [{"id": document["id"],
                           "sentences": [sentence_reply(item, True) for item in result["sentences"]],
                           "summary": result["summary"]}
                          for document, result in zip(documents, results)]}


def model_info(model) -> dict:
    manifest = model.manifest
    return {
        "name": model.name, "version": model.version, "created_at": manifest.get("created_at"),
        "labels": {"stance": model.stance_labels, "sentiment": model.sentiment_labels},
        "thresholds": model.thresholds, "metrics": manifest.get("metrics", {}),
        "sha256": manifest.get("sha256"), "libraries": manifest.get("libraries", {}),
        "hyperparameters": manifest.get("hyperparameters", {}),
        "training_data": manifest.get("training_data", {}),
    }
