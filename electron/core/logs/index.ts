/** Log sessions on the main side: read files and streams, run adb, judge every request with the one verdict. */
export { readLogFile, readLogStream, CHUNK_BYTES, type ReadProgress } from './read';
export { listDevices, pickDevice, parseDevices, startLogcat, describeEnd, type Env, type Logcat } from './adb';
export { SessionJudge, judgeItems } from './judge';
export { startCapture, pollCapture, stopCapture, MAX_RUNNING_CAPTURES } from './capture';
