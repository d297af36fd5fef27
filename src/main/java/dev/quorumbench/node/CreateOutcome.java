package dev.quorumbench.node;

/**
 * What a local client write did to the store.
 *
 * @param memory the row now stored (null on conflict)
 * @param conflictId the id already stored under the key when the write was refused (null otherwise)
 */
record CreateOutcome(Memory memory, String conflictId) {

    static CreateOutcome stored(Memory memory) {
        return new CreateOutcome(memory, null);
    }

    static CreateOutcome conflict(String existingId) {
        return new CreateOutcome(null, existingId);
    }

    boolean isConflict() {
        return conflictId != null;
    }
}
