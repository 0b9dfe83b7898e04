import `in`.juspay.hyperinteg.HyperServiceHolder
import java.io.FileDescriptor
import java.io.FileOutputStream
import java.io.PrintStream
import org.json.JSONObject

/**
 * Runs the generated Kotlin snippet against the SDK stub: args are the three signed segments. Prints one
 * JSON line: whether it held back before initiate, whether it sent, and what the SDK's process() was handed.
 */
fun main(args: Array<String>) {
    val signed = UpiSessionTokenRequest.SignedSegments(args[0], args[1], args[2])
    val notInitiated = HyperServiceHolder(false)
    val sentBeforeInitiate = UpiSessionTokenRequest.process(notInitiated, signed)
    val sdk = HyperServiceHolder(true)
    val sent = UpiSessionTokenRequest.process(sdk, signed)
    val report = JSONObject()
        .put("sentBeforeInitiate", sentBeforeInitiate || notInitiated.lastProcessed() != null)
        .put("sent", sent)
        .put("processed", sdk.lastProcessed())
    PrintStream(FileOutputStream(FileDescriptor.out), true, "UTF-8").println(report.toString())
}
