package org.learningsa.studio.torch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks an unpickled tree before anyone walks it recursively: no cycles (a pickle can append a
 * list to itself), nesting within {@link ReaderLimits#MAX_NESTING}, and not more values than
 * {@link ReaderLimits#MAX_EXPANDED_VALUES} when shared subtrees are counted at each occurrence.
 * Iterative, so a hostile tree cannot overflow the Java stack here.
 */
final class TreeValidator {

    private static final class Frame {
        final Object node;
        final Iterator<Object> children;
        int height;
        long expanded = 1;

        Frame(Object node, Iterator<Object> children) {
            this.node = node;
            this.children = children;
        }
    }

    private record Summary(int height, long expanded) {
    }

    private TreeValidator() {
    }

    static void validate(Object root) {
        Map<Object, Summary> done = new IdentityHashMap<>();
        Map<Object, Boolean> onPath = new IdentityHashMap<>();
        Deque<Frame> path = new ArrayDeque<>();
        enter(root, path, onPath, done);
        while (!path.isEmpty()) {
            Frame frame = path.peek();
            if (frame.children.hasNext()) {
                Summary child = enter(frame.children.next(), path, onPath, done);
                if (child != null) {
                    absorb(frame, child);
                }
                continue;
            }
            path.pop();
            onPath.remove(frame.node);
            Summary summary = new Summary(frame.height + 1, frame.expanded);
            done.put(frame.node, summary);
            if (!path.isEmpty()) {
                absorb(path.peek(), summary);
            }
        }
    }

    private static void absorb(Frame parent, Summary child) {
        parent.height = Math.max(parent.height, child.height());
        parent.expanded = Math.min(Long.MAX_VALUE / 2, parent.expanded + child.expanded());
        if (parent.expanded > ReaderLimits.MAX_EXPANDED_VALUES) {
            throw new MalformedInputException("the object tree expands to more than "
                    + ReaderLimits.MAX_EXPANDED_VALUES + " values (shared subtrees repeated)");
        }
    }

    /** A leaf's summary, a finished container's summary, or null after pushing a new frame. */
    private static Summary enter(Object node, Deque<Frame> path, Map<Object, Boolean> onPath, Map<Object, Summary> done) {
        if (!isContainer(node)) {
            return new Summary(0, 1);
        }
        Summary known = done.get(node);
        if (known != null) {
            return known;
        }
        if (onPath.containsKey(node)) {
            throw new MalformedInputException("the object tree contains a cycle (a container inside itself)");
        }
        if (path.size() >= ReaderLimits.MAX_NESTING) {
            throw new MalformedInputException("containers are nested deeper than " + ReaderLimits.MAX_NESTING);
        }
        onPath.put(node, Boolean.TRUE);
        path.push(new Frame(node, children(node).iterator()));
        return null;
    }

    static boolean isContainer(Object node) {
        return node instanceof PyDict || node instanceof PyTuple || node instanceof Collection<?>;
    }

    /** The values a container holds (dict keys, values and attributes), or null for a leaf. */
    static List<Object> children(Object node) {
        if (node instanceof PyDict dict) {
            List<Object> children = new ArrayList<>(2 * dict.size() + dict.attributes().size());
            for (Map.Entry<Object, Object> entry : dict.entrySet()) {
                children.add(entry.getKey());
                children.add(entry.getValue());
            }
            children.addAll(dict.attributes().values());
            return children;
        }
        if (node instanceof PyTuple tuple) {
            return tuple.items();
        }
        if (node instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        return null;
    }
}
