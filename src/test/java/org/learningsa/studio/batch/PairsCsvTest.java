package org.learningsa.studio.batch;

import org.learningsa.studio.core.Shard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.UserFacingException;

/** The pairs CSV: paths relative to its folder, default names, bad rows kept with their reason; shards. */
class PairsCsvTest {

    @TempDir
    Path dir;

    @Test
    void readsRowsWithPathsRelativeToTheCsvAndZeroPaddedDefaultNames() throws Exception {
        Path csv = Files.createDirectories(dir.resolve("lists")).resolve("pairs.csv");
        Files.writeString(csv, "Target,Source\n../img/b.jpg,../img/a.jpg\n\n/abs/c.png,\"../img/with,comma.jpg\"\n");
        List<BatchRow> rows = PairsCsv.read(csv);
        assertEquals(2, rows.size(), "the blank line is not a row");
        assertEquals(dir.resolve("img/a.jpg").toAbsolutePath(), rows.get(0).source());
        assertEquals(dir.resolve("img/b.jpg").toAbsolutePath(), rows.get(0).target());
        assertEquals("0001", rows.get(0).name());
        assertEquals(Path.of("/abs/c.png"), rows.get(1).target());
        assertEquals(dir.resolve("img/with,comma.jpg").toAbsolutePath(), rows.get(1).source());
        assertEquals(2, rows.get(1).number());
        assertEquals(4, rows.get(1).line());
        assertNull(rows.get(1).problem());
    }

    @Test
    void aBadRowKeepsItsNumberAndReasonAndTheOthersStayUsable() throws Exception {
        Path csv = dir.resolve("pairs.csv");
        Files.writeString(csv, "source,target,name\na.jpg,b.jpg,cat\nc.jpg,,dog\nd.jpg,e.jpg,Cat\nf.jpg,g.jpg,a/b\n"
                + "h.jpg,i.jpg,.hidden\nj.jpg,k.jpg,index.csv\nl.jpg,m.jpg,ok\n");
        List<BatchRow> rows = PairsCsv.read(csv);
        assertNull(rows.get(0).problem());
        assertEquals("no target image", rows.get(1).problem());
        assertEquals("the name 'Cat' is already used by row 1", rows.get(2).problem());
        assertTrue(rows.get(3).problem().contains("a folder name cannot"), rows.get(3).problem());
        assertTrue(rows.get(4).problem().contains("starts with a dot"), rows.get(4).problem());
        assertTrue(rows.get(5).problem().contains("the run's own file"), rows.get(5).problem());
        assertTrue(rows.get(6).usable());
    }

    @Test
    void aCsvWithoutSourceAndTargetColumnsIsRefusedAsAWhole() throws Exception {
        Path csv = dir.resolve("pairs.csv");
        Files.writeString(csv, "a,b\nx.jpg,y.jpg\n");
        UserFacingException e = assertThrows(UserFacingException.class, () -> PairsCsv.read(csv));
        assertTrue(e.getMessage().contains("source and target"), e.getMessage());
    }

    @Test
    void shardsCoverEveryRowExactlyOnce() {
        int rows = 23;
        List<Integer> covered = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Shard shard = Shard.parse(i + "/4");
            for (int position = 0; position < rows; position++) {
                if (shard.takes(position)) {
                    covered.add(position);
                }
            }
        }
        covered.sort(Integer::compare);
        assertEquals(java.util.stream.IntStream.range(0, rows).boxed().toList(), covered);
        assertTrue(Shard.parse(" 1 / 3 ").takes(4));
        assertThrows(UserFacingException.class, () -> Shard.parse("3/3"));
        assertThrows(UserFacingException.class, () -> Shard.parse("1"));
        assertThrows(UserFacingException.class, () -> Shard.parse("a/b"));
        assertThrows(UserFacingException.class, () -> Shard.parse("0/0"));
    }
}
