package in.juspay.hyperinteg;

import org.json.JSONObject;

/**
 * Test stand-in for the Hyper SDK's HyperServiceHolder, so the generated Android snippets compile and run
 * without the SDK: the two members they call, with the SDK's signatures (isInitialised(), process(JSONObject)).
 * The real constructor takes the activity; this one says whether initiate has finished, and the stub keeps
 * what process() was handed so the test can compare it with the app's envelope.
 */
public class HyperServiceHolder {
    private final boolean initialised;
    private JSONObject processed;

    public HyperServiceHolder(boolean initialised) {
        this.initialised = initialised;
    }

    public boolean isInitialised() {
        return initialised;
    }

    public void process(JSONObject payload) {
        processed = payload;
    }

    public JSONObject lastProcessed() {
        return processed;
    }
}
