package dev.quorumbench.host;

/**
 * How a host runs this jar's own code, the reference node: a java executable and a class path there.
 *
 * @param executable the java binary on the host
 * @param classpath  the class path holding the harness's classes on the host
 */
public record JavaCommand(String executable, String classpath) {
}
