# The stock check the state machine calls (a stand-in: every item is in stock). Under `flowstate run` the
# MockConfigFile answers instead; deployed with `sam deploy`, this code runs.
def handler(event, context):
    return {"available": True}
