package org.codedesk.catalog.importing;

import static org.codedesk.catalog.importing.ReleaseRows.count;
import static org.codedesk.catalog.importing.ReleaseRows.read;

import java.util.List;
import java.util.Map;

import org.codedesk.catalog.source.cpt.CptDescriptor;
import org.codedesk.catalog.source.cpt.CptDescriptorParser;

/** Builds the rows of a CPT release from the operator's licensed descriptor file. */
final class CptAssembler {

    ReleaseContent assemble(Map<FileRole, RecognizedFile> files) {
        ReleaseContent content = new ReleaseContent();
        List<CptDescriptor> codes = read(files.get(FileRole.CPT_DESCRIPTORS), (n, in) -> new CptDescriptorParser().parse(n, in));
        int order = 0;
        for (CptDescriptor c : codes) {
            content.codes.add(new ReleaseContent.CodeRow(c.code(), c.code(), "code", true, null, c.descriptor(), null, null, ++order, false));
        }
        count(content, FileRole.CPT_DESCRIPTORS, codes.size());
        content.contents.add(FileRole.CPT_DESCRIPTORS.content);
        return content;
    }
}
