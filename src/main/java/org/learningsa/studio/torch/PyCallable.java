package org.learningsa.studio.torch;

/** A whitelisted pickle global that REDUCE or NEWOBJ may call; it builds plain data, nothing else. */
interface PyCallable {

    /** {@code module.name} as the pickle spelled it, for messages. */
    String qualifiedName();

    Object call(PyTuple args);
}
