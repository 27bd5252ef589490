import { Link } from 'react-router';
import { useT } from '../i18n/i18n-context';

/** Any unknown address. Loaded lazily, as every page beyond login and the overview will be. */
export default function NotFoundPage() {
  const t = useT();
  return (
    <section className="card state not-found">
      <h1>{t.notFound.title}</h1>
      <p className="muted">{t.notFound.text}</p>
      <Link to="/" className="button button-primary">
        {t.notFound.home}
      </Link>
    </section>
  );
}
