import in.juspay.hyperinteg.HyperServiceHolder;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.json.JSONObject;

/**
 * Runs the generated Java snippet against the SDK stub: args are the three signed segments. Prints one JSON
 * line: whether it held back before initiate, whether it sent, and what the SDK's process() was handed.
 */
public class JavaSnippetHarness {
    public static void main(String[] args) throws Exception {
        UpiSessionTokenRequest.SignedSegments signed = new UpiSessionTokenRequest.SignedSegments(args[0], args[1], args[2]);
        HyperServiceHolder notInitiated = new HyperServiceHolder(false);
        boolean sentBeforeInitiate = UpiSessionTokenRequest.process(notInitiated, signed);
        HyperServiceHolder sdk = new HyperServiceHolder(true);
        boolean sent = UpiSessionTokenRequest.process(sdk, signed);
        JSONObject report = new JSONObject();
        report.put("sentBeforeInitiate", sentBeforeInitiate || notInitiated.lastProcessed() != null);
        report.put("sent", sent);
        report.put("processed", sdk.lastProcessed());
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8).println(report.toString());
    }
}
