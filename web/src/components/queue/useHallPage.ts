import { useEffect } from 'react';

/** Full-screen hall pages (kiosk, board, follow): a class on <body> while mounted, and the tab title. */
export function useHallPage(bodyClass: string, title: string) {
  useEffect(() => {
    const classes = bodyClass.split(' ').filter(Boolean);
    document.body.classList.add(...classes);
    return () => document.body.classList.remove(...classes);
  }, [bodyClass]);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
