package org.codedesk.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Code pages already assembled. A page is a pure function of the releases imported, the code and which releases a date
 * of service selects, so the key is exactly that: the generation of the release list (it moves on whenever the list read
 * from {@code catalog_release} differs from the last one seen: any import, on any node, since every request reads the
 * list), the system, the code and the newest release date on or before the date of service (all dates between two
 * releases' effective dates select the same releases). The currency sentence, which names the date itself, and
 * everything per viewer are added by the caller to the cached page, never cached.
 */
final class CodePageCache {

    record Key(long generation, CodeSystem system, String code, LocalDate selects) { }

    private record Generation(List<Release> releases, long number) { }

    private final Cache<Key, Optional<CodePage>> pages;
    private volatile Generation current = new Generation(List.of(), 0);

    CodePageCache(long maximumPages) {
        this.pages = Caffeine.newBuilder().maximumSize(maximumPages).build();
    }

    /** The key of a code's page on a date, given the release list just read. */
    Key key(List<Release> releases, CodeSystem system, String code, LocalDate date) {
        LocalDate selects = releases.stream().map(Release::effectiveFrom).filter(d -> !d.isAfter(date))
                .max(LocalDate::compareTo).orElse(LocalDate.MIN);
        return new Key(generation(releases), system, code, selects);
    }

    Optional<CodePage> get(Key key, Supplier<Optional<CodePage>> assemble) {
        return pages.get(key, k -> assemble.get());
    }

    /** The page cached under the key (empty: no such code), or null when it was never assembled or is forgotten. */
    Optional<CodePage> getIfPresent(Key key) {
        return pages.getIfPresent(key);
    }

    /** Forgets every page (this node's import finished); the next request's release list starts a new generation anyway. */
    void clear() {
        synchronized (this) {
            current = new Generation(List.of(), current.number() + 1);
        }
        pages.invalidateAll();
    }

    long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }

    private long generation(List<Release> releases) {
        Generation seen = current;
        if (seen.releases().equals(releases)) {
            return seen.number();
        }
        synchronized (this) {
            if (!current.releases().equals(releases)) {
                // pages of older generations can no longer be asked for: free them now rather than when evicted
                current = new Generation(List.copyOf(releases), current.number() + 1);
                pages.invalidateAll();
            }
            return current.number();
        }
    }
}
