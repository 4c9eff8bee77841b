package org.learningsa.studio.torch;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A pickle virtual machine for protocols 2 to 5 that builds plain data (dicts, lists, tuples,
 * numbers, strings, tensors) and never executes anything: globals resolve through the whitelist,
 * REDUCE only calls whitelisted builders. Iterative, bounded by {@link ReaderLimits}.
 */
final class Unpickler {

    private final PickleInput input;
    private final GlobalWhitelist globals;
    private final Function<Object, Object> persistentLoad;
    private final ArrayList<Object> stack = new ArrayList<>();
    private final ArrayList<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private long containerItems;

    private Unpickler(ByteBuffer in, GlobalWhitelist globals, Function<Object, Object> persistentLoad) {
        this.input = new PickleInput(in);
        this.globals = globals;
        this.persistentLoad = persistentLoad;
    }

    /** Runs one pickle from the buffer's position up to its STOP; the position ends after STOP. */
    static Object load(ByteBuffer in, GlobalWhitelist globals, Function<Object, Object> persistentLoad) {
        return new Unpickler(in, globals, persistentLoad).run();
    }

    private Object run() {
        while (true) {
            int opcode = input.nextOpcode();
            switch (opcode) {
                case 0x80 -> { // PROTO
                    int protocol = input.u8();
                    if (protocol > 5) {
                        throw fail("pickle protocol " + protocol + " is newer than 5");
                    }
                }
                case 0x95 -> input.u64(); // FRAME: frames are read as one stream
                case '.' -> { // STOP
                    if (stack.isEmpty()) {
                        throw fail("pickle ends with an empty stack");
                    }
                    return stack.get(stack.size() - 1);
                }
                case 'c' -> push(globals.resolve(input.line(), input.line()));
                case 0x93 -> { // STACK_GLOBAL
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw fail("STACK_GLOBAL needs two strings");
                    }
                    if (m.length() > ReaderLimits.MAX_GLOBAL_NAME || n.length() > ReaderLimits.MAX_GLOBAL_NAME) {
                        throw fail("STACK_GLOBAL names a global of " + (m.length() + 1 + n.length())
                                + " characters (no real global is longer than " + ReaderLimits.MAX_GLOBAL_NAME + ")");
                    }
                    push(globals.resolve(m, n));
                }
                case 'q' -> memoPut(input.u8());
                case 'r' -> memoPut(input.u32());
                case 0x94 -> memoPut(memo.size());
                case 'h' -> push(memoGet(input.u8()));
                case 'j' -> push(memoGet(input.u32()));
                case '(' -> mark();
                case ')' -> push(new PyTuple());
                case 't' -> push(tuple(popMark()));
                case 0x85 -> push(tupleOf(pop()));
                case 0x86 -> {
                    Object second = pop();
                    push(tupleOf(pop(), second));
                }
                case 0x87 -> {
                    Object third = pop();
                    Object second = pop();
                    push(tupleOf(pop(), second, third));
                }
                case ']' -> push(new ArrayList<>());
                case 'l' -> push(new ArrayList<>(countItems(popMark())));
                case '}' -> push(PyDict.dict());
                case 'd' -> push(setItems(PyDict.dict(), popMark()));
                case 0x8f -> push(new LinkedHashSet<>());
                case 'a' -> {
                    Object item = pop();
                    list(peek()).add(item);
                    countItems(1);
                }
                case 'e' -> {
                    List<Object> items = popMark();
                    list(peek()).addAll(countItems(items));
                }
                case 's' -> {
                    Object value = pop();
                    Object key = pop();
                    setItems(dict(peek()), java.util.Arrays.asList(key, value));
                }
                case 'u' -> {
                    List<Object> items = popMark();
                    setItems(dict(peek()), items);
                }
                case 0x90 -> { // ADDITEMS
                    List<Object> items = popMark();
                    Set<Object> set = set(peek());
                    for (Object item : countItems(items)) {
                        set.add(hashable(item));
                    }
                }
                case 0x91 -> { // FROZENSET
                    Set<Object> set = new LinkedHashSet<>();
                    for (Object item : countItems(popMark())) {
                        set.add(hashable(item));
                    }
                    push(set);
                }
                case 'R' -> {
                    Object args = pop();
                    push(call(pop(), args));
                }
                case 0x81 -> { // NEWOBJ
                    Object args = pop();
                    push(call(pop(), args));
                }
                case 'b' -> {
                    Object state = pop();
                    build(peek(), state);
                }
                case 'Q' -> push(persistentLoad.apply(pop()));
                case 'J' -> push((long) input.i32());
                case 'K' -> push((long) input.u8());
                case 'M' -> push((long) input.u16());
                case 0x8a -> push(input.bigInt(input.u8()));
                case 0x8b -> push(input.bigInt(input.u32()));
                case 'G' -> push(input.bigEndianDouble());
                case 'X' -> push(input.utf8(input.u32()));
                case 0x8c -> push(input.utf8(input.u8()));
                case 0x8d -> push(input.utf8(input.u64()));
                case 'T' -> push(input.latin1(input.u32())); // BINSTRING (Python 2 str)
                case 'U' -> push(input.latin1(input.u8()));
                case 'B' -> push(input.bytes(input.u32()));
                case 'C' -> push(input.bytes(input.u8()));
                case 0x8e, 0x96 -> push(input.bytes(input.u64()));
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'N' -> push(null);
                case '0' -> pop();
                case '1' -> popMark();
                case '2' -> push(peek());
                default -> throw fail(String.format("unsupported pickle opcode 0x%02x", opcode));
            }
        }
    }

    private MalformedInputException fail(String problem) {
        return input.fail(problem);
    }

    private void push(Object value) {
        if (stack.size() >= ReaderLimits.MAX_STACK) {
            throw fail("pickle stack exceeds " + ReaderLimits.MAX_STACK + " entries");
        }
        stack.add(value);
    }

    private Object pop() {
        if (stack.size() <= currentMark()) {
            throw fail("pickle stack underflow");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        if (stack.size() <= currentMark()) {
            throw fail("pickle stack underflow");
        }
        return stack.get(stack.size() - 1);
    }

    private int currentMark() {
        return marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
    }

    private void mark() {
        if (marks.size() >= ReaderLimits.MAX_MARKS) {
            throw fail("more than " + ReaderLimits.MAX_MARKS + " open MARKs");
        }
        marks.add(stack.size());
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw fail("no MARK to pop to");
        }
        int from = marks.remove(marks.size() - 1);
        List<Object> top = stack.subList(from, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    private void memoPut(long index) {
        if (stack.isEmpty()) {
            throw fail("memo store with an empty stack");
        }
        if (memo.size() >= ReaderLimits.MAX_MEMO && !memo.containsKey(index)) {
            throw fail("memo exceeds " + ReaderLimits.MAX_MEMO + " entries");
        }
        memo.put(index, stack.get(stack.size() - 1));
    }

    private Object memoGet(long index) {
        if (!memo.containsKey(index)) {
            throw fail("memo entry " + index + " was never stored");
        }
        return memo.get(index);
    }

    private <T extends List<Object>> T countItems(T items) {
        countItems(items.size());
        return items;
    }

    private int countItems(long added) {
        containerItems += added;
        if (containerItems > ReaderLimits.MAX_CONTAINER_ITEMS) {
            throw fail("containers hold more than " + ReaderLimits.MAX_CONTAINER_ITEMS + " items");
        }
        return (int) added;
    }

    private PyTuple tuple(List<Object> items) {
        countItems(items.size());
        return checkedTuple(new PyTuple(items.toArray()));
    }

    private PyTuple tupleOf(Object... items) {
        countItems(items.length);
        return checkedTuple(new PyTuple(items));
    }

    private PyTuple checkedTuple(PyTuple tuple) {
        if (tuple.depth() > ReaderLimits.MAX_NESTING) {
            throw fail("tuples nested deeper than " + ReaderLimits.MAX_NESTING);
        }
        if (tuple.expandedSize() > ReaderLimits.MAX_EXPANDED_VALUES) {
            throw fail("a tuple expands to " + expandedText(tuple) + " values (more than "
                    + ReaderLimits.MAX_EXPANDED_VALUES + "; sub-tuples shared and repeated)");
        }
        return tuple;
    }

    private PyDict setItems(PyDict dict, List<Object> keysAndValues) {
        if (keysAndValues.size() % 2 != 0) {
            throw fail("SETITEMS with an odd number of items");
        }
        countItems(keysAndValues.size() / 2);
        for (int i = 0; i < keysAndValues.size(); i += 2) {
            dict.put(hashable(keysAndValues.get(i)), keysAndValues.get(i + 1));
        }
        return dict;
    }

    /**
     * Python only allows immutable dict keys and set items; anything else is a corrupt pickle. A tuple key
     * knows whether it is hashable and how large it expands without being walked; one that expands beyond
     * {@link ReaderLimits#MAX_KEY_VALUES} is refused before the dict hashes or compares it.
     */
    private Object hashable(Object key) {
        if (PyTuple.isHashableLeaf(key)) {
            return key;
        }
        if (key instanceof PyTuple tuple && tuple.isHashable()) {
            if (tuple.expandedSize() > ReaderLimits.MAX_KEY_VALUES) {
                throw fail("a dict key or set item expands to " + expandedText(tuple) + " values (more than "
                        + ReaderLimits.MAX_KEY_VALUES + "; sub-tuples shared and repeated)");
            }
            return key;
        }
        throw fail("unhashable dict key or set item (" + PickleTypes.describe(key) + ")");
    }

    private static String expandedText(PyTuple tuple) {
        return tuple.expandedSize() == Long.MAX_VALUE ? "more than 2^63" : Long.toString(tuple.expandedSize());
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object target) {
        if (target instanceof ArrayList<?> list) {
            return (List<Object>) list;
        }
        throw fail("APPEND to a " + PickleTypes.describe(target));
    }

    private PyDict dict(Object target) {
        if (target instanceof PyDict dict) {
            return dict;
        }
        throw fail("SETITEM on a " + PickleTypes.describe(target));
    }

    @SuppressWarnings("unchecked")
    private Set<Object> set(Object target) {
        if (target instanceof LinkedHashSet<?> set) {
            return (Set<Object>) set;
        }
        throw fail("ADDITEMS on a " + PickleTypes.describe(target));
    }

    private Object call(Object callable, Object args) {
        if (!(callable instanceof PyCallable function)) {
            throw fail("REDUCE calls a " + PickleTypes.describe(callable) + ", which is not callable");
        }
        if (!(args instanceof PyTuple tuple)) {
            throw fail("REDUCE arguments of " + function.qualifiedName() + " are not a tuple");
        }
        try {
            return function.call(tuple);
        } catch (MalformedInputException e) {
            throw fail(e.getMessage());
        }
    }

    private void build(Object target, Object state) {
        if (target instanceof PyDict dict) {
            Object attributes = state instanceof PyTuple tuple && tuple.size() == 2 ? tuple.get(0) : state;
            if (attributes instanceof PyDict values) {
                for (Map.Entry<Object, Object> entry : values.entrySet()) {
                    if (!(entry.getKey() instanceof String name)) {
                        throw fail("attribute name is not a string");
                    }
                    dict.attributes().put(name, entry.getValue());
                }
                return;
            }
            if (attributes == null) {
                return;
            }
        }
        if (target instanceof TensorData && state == null) {
            return;
        }
        if (target instanceof Buildable buildable) {
            try {
                buildable.build(state);
            } catch (MalformedInputException e) {
                throw fail(e.getMessage());
            }
            return;
        }
        throw fail("BUILD of a " + PickleTypes.describe(target) + " with a " + PickleTypes.describe(state));
    }
}
