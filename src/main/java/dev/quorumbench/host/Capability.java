package dev.quorumbench.host;

import java.util.Objects;
import java.util.Optional;

/**
 * Something a host may or may not offer: either the thing itself, or the reason it is missing ("needs root").
 * A mechanism that needs it reports the reason instead of failing later.
 */
public sealed interface Capability<T> {

    /** The host offers it. */
    record Available<T>(T thing) implements Capability<T> {
        public Available {
            Objects.requireNonNull(thing, "thing");
        }
    }

    /** The host lacks it, and says why in one line. */
    record Unavailable<T>(String why) implements Capability<T> {
        public Unavailable {
            if (why == null || why.isBlank()) {
                throw new IllegalArgumentException("an unavailable capability needs a reason");
            }
        }
    }

    static <T> Capability<T> available(T value) {
        return new Available<>(value);
    }

    static <T> Capability<T> unavailable(String reason) {
        return new Unavailable<>(reason);
    }

    /** The thing, when available. */
    default Optional<T> value() {
        return this instanceof Available<T> a ? Optional.of(a.thing()) : Optional.empty();
    }

    /** Why it is missing, when unavailable. */
    default Optional<String> reason() {
        return this instanceof Unavailable<T> u ? Optional.of(u.why()) : Optional.empty();
    }
}
