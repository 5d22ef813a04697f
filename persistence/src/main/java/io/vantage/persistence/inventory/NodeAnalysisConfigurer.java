package io.vantage.persistence.inventory;

import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Defines the normalizer the node index's keyword fields use: matching in the inventory query language ignores case,
 * as operators expect of host names, tags and operating systems. Named in {@code persistence.xml}.
 */
public class NodeAnalysisConfigurer implements LuceneAnalysisConfigurer {

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        // lowercase only: the in-memory query matcher folds case and nothing else, and the two must agree
        context.normalizer(NodeIndex.LOWERCASE).custom().tokenFilter("lowercase");
    }
}
