package org.codedesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.codedesk.search.index.CodeIndex;
import org.codedesk.search.index.Fields;
import org.junit.jupiter.api.Test;

/** One key in two code systems: the form typed says which code is meant. */
class TypedCodeFormTest {

    private static CodeIndex.Hit hit(String system, String key) {
        Document d = new Document();
        d.add(new StringField(Fields.SYSTEM, system, Field.Store.YES));
        d.add(new StringField(Fields.KEY, key, Field.Store.YES));
        return new CodeIndex.Hit(0, 1f, d);
    }

    private static List<String> systems(List<CodeIndex.Hit> hits) {
        return hits.stream().map(h -> h.document().get(Fields.SYSTEM)).toList();
    }

    private final List<CodeIndex.Hit> icdFirst = List.of(hit("icd10cm", "J1100"), hit("hcpcs", "J1100"));

    @Test
    void fiveCharactersWithoutADotAreHcpcsAndWithADotIcd10cm() {
        assertThat(systems(Search.typedFormFirst(icdFirst, "j1100"))).containsExactly("hcpcs", "icd10cm");
        assertThat(systems(Search.typedFormFirst(icdFirst, "J11.00"))).containsExactly("icd10cm", "hcpcs");
        assertThat(systems(Search.typedFormFirst(List.of(hit("hcpcs", "J1100"), hit("icd10cm", "J1100")), "J11.00")))
                .containsExactly("icd10cm", "hcpcs");
    }

    @Test
    void otherFormsKeepTheOrderFound() {
        assertThat(systems(Search.typedFormFirst(icdFirst, "j110"))).containsExactly("icd10cm", "hcpcs");
        assertThat(systems(Search.typedFormFirst(icdFirst, "0dtj4zz"))).containsExactly("icd10cm", "hcpcs");
    }
}
