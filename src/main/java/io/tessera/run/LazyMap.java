package io.tessera.run;

import io.tessera.run.lifecycle.Heartbeat;
import java.util.Iterator;
import java.util.function.Function;

/** A partition's rows mapped one by one as Spark pulls them, for jobs with nothing to batch. */
public final class LazyMap {
  private LazyMap() {}

  public static <A, B> Iterator<B> of(Iterator<A> source, Function<A, B> f) {
    Iterator<A> in = Heartbeat.watch(source);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return in.hasNext();
      }

      @Override
      public B next() {
        return f.apply(in.next());
      }
    };
  }
}
