package dev.quorumbench.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * ai-memory's HTTP API as a declarative protocol: the {@code protocol} object of the bundled profile
 * {@code benchmarks/targets/ai-memory-declarative.json}, the one description both that profile and the named
 * protocol {@code "ai-memory"} use.
 */
final class AiMemoryDescription {

    static final String RESOURCE = "/benchmarks/targets/ai-memory-declarative.json"; // benchmarks/ is bundled by the pom

    private AiMemoryDescription() {
    }

    /** The compiled description; a broken bundled file is a build defect, not user input. */
    static HttpStore get() {
        return Holder.STORE;
    }

    private static final class Holder {
        static final HttpStore STORE = load();

        private static HttpStore load() {
            try (InputStream in = AiMemoryDescription.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the class path");
                }
                JsonNode protocol = new ObjectMapper().readTree(in).path("protocol");
                return HttpStore.parse(protocol, StoreTarget.DEFAULT_HEALTH_PATH);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + RESOURCE, e);
            }
        }
    }
}
